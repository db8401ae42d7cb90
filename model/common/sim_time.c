// SPDX-License-Identifier: BSD-2-Clause
/*
 * sim_time.c - the event queue of sim_time.h: a binary min-heap on (time, sequence number).
 *
 * Source: ../shared/DESIGN.md ("Execution model"). The sequence number makes the order of events of
 * the same cycle the order they were scheduled in, whatever the heap does.
 */
#include <stdlib.h>

#include "sim_time.h"

struct sim_ev {
	uint64_t when;
	uint64_t seq;
	sim_event_fn fn;
	void *ctx;
	uint64_t arg;
};

struct sim_evq {
	uint64_t now;
	uint64_t seq;
	size_t n, cap;
	struct sim_ev *h;
};

struct sim_evq *sim_evq_create(size_t cap)
{
	struct sim_evq *q = calloc(1, sizeof(*q));

	if (!q)
		return NULL;
	q->cap = cap ? cap : 16;
	q->h = calloc(q->cap, sizeof(*q->h));
	if (!q->h) {
		free(q);
		return NULL;
	}
	return q;
}

void sim_evq_destroy(struct sim_evq *q)
{
	if (!q)
		return;
	free(q->h);
	free(q);
}

uint64_t sim_evq_now(const struct sim_evq *q)
{
	return q->now;
}

size_t sim_evq_pending(const struct sim_evq *q)
{
	return q->n;
}

uint64_t sim_evq_next(const struct sim_evq *q)
{
	return q->n ? q->h[0].when : SIM_TIME_NEVER;
}

static bool before(const struct sim_ev *a, const struct sim_ev *b)
{
	return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void swap(struct sim_ev *a, struct sim_ev *b)
{
	struct sim_ev t = *a;

	*a = *b;
	*b = t;
}

bool sim_evq_at(struct sim_evq *q, uint64_t when, sim_event_fn fn, void *ctx, uint64_t arg)
{
	size_t i;

	if (q->n == q->cap) {
		struct sim_ev *nh = realloc(q->h, 2 * q->cap * sizeof(*nh));

		if (!nh)
			return false;
		q->h = nh;
		q->cap *= 2;
	}
	i = q->n++;
	q->h[i] = (struct sim_ev){ .when = when < q->now ? q->now : when, .seq = q->seq++, .fn = fn, .ctx = ctx,
				   .arg = arg };
	while (i && before(&q->h[i], &q->h[(i - 1) / 2])) {
		swap(&q->h[i], &q->h[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
	return true;
}

static struct sim_ev pop(struct sim_evq *q)
{
	struct sim_ev top = q->h[0];
	size_t i = 0;

	q->h[0] = q->h[--q->n];
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;

		if (l < q->n && before(&q->h[l], &q->h[m]))
			m = l;
		if (r < q->n && before(&q->h[r], &q->h[m]))
			m = r;
		if (m == i)
			break;
		swap(&q->h[i], &q->h[m]);
		i = m;
	}
	return top;
}

size_t sim_evq_run_until(struct sim_evq *q, uint64_t until)
{
	size_t ran = 0;

	while (q->n && q->h[0].when <= until) {
		struct sim_ev ev = pop(q);

		q->now = ev.when;
		ev.fn(ev.ctx, ev.arg, ev.when);
		ran++;
	}
	if (until > q->now)
		q->now = until;
	return ran;
}

size_t sim_evq_advance(struct sim_evq *q, uint64_t cycles)
{
	uint64_t until = q->now + cycles < q->now ? SIM_TIME_NEVER - 1 : q->now + cycles;

	return sim_evq_run_until(q, until);
}

double sim_cycles_to_ns(uint64_t cycles, uint32_t clock_mhz)
{
	return clock_mhz ? (double)cycles * 1000.0 / clock_mhz : 0.0;
}
