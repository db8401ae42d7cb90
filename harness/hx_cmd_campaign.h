/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * hx_cmd_campaign.h - the `pamusim campaign` and `pamusim merge` commands (docs/campaigns.md).
 */
#ifndef HX_CMD_CAMPAIGN_H
#define HX_CMD_CAMPAIGN_H

#ifdef __cplusplus
extern "C" {
#endif

/* argv after the command name; returns the exit status (0, 1, 2). */
int hx_cmd_campaign(int argc, char **argv);
int hx_cmd_merge(int argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif
