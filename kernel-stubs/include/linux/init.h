/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * linux/init.h (stub) - initcalls. Each *_initcall registers its function with the stubs from a host
 * constructor; ks_boot runs them by level (arch 3, subsys 4, device 6, late 7), then in registration
 * order, as the kernel's do_initcalls does. __init code is never discarded.
 */
#ifndef KS_LINUX_INIT_H
#define KS_LINUX_INIT_H

#define __init
#define __initdata
#define __exit
#define __ref
#define __refdata
#define __initconst
#define __ro_after_init

typedef int (*initcall_t)(void);
void ks_register_initcall(int level, initcall_t fn, const char *name, const char *file);

#define ks_define_initcall(fn, level)                                                          \
	__attribute__((constructor)) static void ks_initcall_##fn(void)                        \
	{                                                                                      \
		ks_register_initcall(level, fn, #fn, __FILE__);                                \
	}

#define core_initcall(fn) ks_define_initcall(fn, 1)
#define postcore_initcall(fn) ks_define_initcall(fn, 2)
#define arch_initcall(fn) ks_define_initcall(fn, 3)
#define subsys_initcall(fn) ks_define_initcall(fn, 4)
#define fs_initcall(fn) ks_define_initcall(fn, 5)
#define device_initcall(fn) ks_define_initcall(fn, 6)
#define late_initcall(fn) ks_define_initcall(fn, 7)
#define module_init(fn) device_initcall(fn)
#define module_exit(fn)

#endif
