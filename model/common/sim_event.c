// SPDX-License-Identifier: BSD-2-Clause
/*
 * sim_event.c - formatting and delivery of model events (see sim_event.h).
 */
#include "sim_event.h"

#include <stdio.h>
#include <string.h>

void sim_event_emitf(const struct sim_event_sink *sink, enum sim_event_kind kind, const char *block,
		     const char *reg, uint64_t addr, unsigned int size, uint64_t value, const char *fmt, ...)
{
	struct sim_event ev;
	va_list ap;

	if (!sink || !sink->emit)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.kind = kind;
	ev.block = block;
	ev.reg = reg;
	ev.addr = addr;
	ev.size = size;
	ev.value = value;
	va_start(ap, fmt);
	vsnprintf(ev.msg, sizeof(ev.msg), fmt, ap);
	va_end(ap);
	sink->emit(sink->ctx, &ev);
}

const char *sim_event_kind_name(enum sim_event_kind kind)
{
	switch (kind) {
	case SIM_EV_REGISTER_MISUSE:
		return "register-misuse";
	case SIM_EV_UNMAPPED_ACCESS:
		return "unmapped-access";
	case SIM_EV_UNSUPPORTED:
		return "unsupported";
	case SIM_EV_HW_FAULT:
		return "hw-fault";
	case SIM_EV_KIND_COUNT:
		break;
	}
	return "unknown";
}
