/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sim_event.h - events the models report to whoever observes them (the oracle, a test, a log).
 *
 * Source of facts: ../shared/DESIGN.md ("the oracle", finding kinds register-misuse, unmapped-access).
 * A model never aborts on something a guest (driver or scenario) can cause: it records an event here and
 * carries on with a defined result. Events are data; the observer decides whether one is a finding.
 */
#ifndef SIM_EVENT_H
#define SIM_EVENT_H

#include <stdarg.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum sim_event_kind {
	/* Wrong access size, unaligned access, write to a read-only register or a reserved bit,
	 * access to an offset with no register: the guest broke the register contract. */
	SIM_EV_REGISTER_MISUSE,
	/* A bus access that nothing decodes. */
	SIM_EV_UNMAPPED_ACCESS,
	/* A field value the spec leaves undocumented and the model does not implement (e.g. page
	 * translation ATM modes). A model limitation, never silently treated as something else. */
	SIM_EV_UNSUPPORTED,
	/* An architectural fault the hardware raised (PAMU access violation, operation error...).
	 * Informational: the fault record itself travels in the model's result. */
	SIM_EV_HW_FAULT,
	SIM_EV_KIND_COUNT
};

#define SIM_EVENT_MSG_LEN 192

struct sim_event {
	enum sim_event_kind kind;
	const char *block;	/* instance name, e.g. "pamu0", "bus" */
	const char *reg;	/* register name, or NULL */
	uint64_t addr;		/* offset in the block, or bus address for bus events */
	unsigned int size;	/* access size in bytes, 0 if not an access */
	uint64_t value;		/* value written, or 0 */
	char msg[SIM_EVENT_MSG_LEN];
};

/* An observer. A model holds a copy; a NULL emit means events are only counted by the model. */
struct sim_event_sink {
	void (*emit)(void *ctx, const struct sim_event *ev);
	void *ctx;
};

/* Build an event and hand it to the sink (no-op when the sink has no emit function). */
void sim_event_emitf(const struct sim_event_sink *sink, enum sim_event_kind kind, const char *block,
		     const char *reg, uint64_t addr, unsigned int size, uint64_t value, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

const char *sim_event_kind_name(enum sim_event_kind kind);

#ifdef __cplusplus
}
#endif

#endif /* SIM_EVENT_H */
