/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sim_time.h - the one time base of a run (platform clock cycles) and its event queue.
 *
 * Source: ../shared/DESIGN.md ("Execution model": one time base, one event queue, deterministic).
 * Time is a count of platform (CoreNet) clock cycles from the start of the run; the clock frequency of
 * a SoC is a preset value (socs/<name>.yaml, `timing: clock-mhz`) used only to print times in ns. Events
 * scheduled for the same cycle run in the order they were scheduled (a sequence number breaks ties),
 * so a run is reproducible byte for byte.
 */
#ifndef SIM_TIME_H
#define SIM_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SIM_TIME_NEVER UINT64_MAX

struct sim_evq;

/* Called when its time comes; now is the event's time (the queue's clock is already there). */
typedef void (*sim_event_fn)(void *ctx, uint64_t arg, uint64_t now);

/* An empty queue at cycle 0 with room for cap pending events (it grows when needed). NULL: no memory. */
struct sim_evq *sim_evq_create(size_t cap);
void sim_evq_destroy(struct sim_evq *q);

uint64_t sim_evq_now(const struct sim_evq *q);
size_t sim_evq_pending(const struct sim_evq *q);
/* Time of the earliest pending event, SIM_TIME_NEVER when none. */
uint64_t sim_evq_next(const struct sim_evq *q);

/* Schedule fn at cycle when (a time in the past means "now": events never run backwards). False: out
 * of memory, nothing scheduled. */
bool sim_evq_at(struct sim_evq *q, uint64_t when, sim_event_fn fn, void *ctx, uint64_t arg);
/* Run every event due at or before until, in time order, then set the clock to until (if later).
 * Returns the number of events run. An event may schedule more; those due by until run too. */
size_t sim_evq_run_until(struct sim_evq *q, uint64_t until);
/* Advance the clock by cycles, running what falls due. */
size_t sim_evq_advance(struct sim_evq *q, uint64_t cycles);

/* Cycles -> nanoseconds at clock_mhz (0 MHz: 0). */
double sim_cycles_to_ns(uint64_t cycles, uint32_t clock_mhz);

#ifdef __cplusplus
}
#endif

#endif /* SIM_TIME_H */
