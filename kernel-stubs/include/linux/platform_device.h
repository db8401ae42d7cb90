/* SPDX-License-Identifier: BSD-2-Clause */
/* linux/platform_device.h (stub) - platform devices (one per device-tree node under a simple bus, plus
 * those the drivers allocate) and drivers, bound by name or OF compatible; probe runs synchronously. */
#ifndef KS_LINUX_PLATFORM_DEVICE_H
#define KS_LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>

struct platform_device {
	const char *name;
	int id;
	struct device dev;
	u32 num_resources;
	struct resource *resource;
	bool ks_added;
	bool ks_from_tree;
};

struct platform_driver {
	int (*probe)(struct platform_device *);
#if KS_V(6, 11)
	void (*remove)(struct platform_device *);
#else
	int (*remove)(struct platform_device *);
#endif
	void (*shutdown)(struct platform_device *);
	struct device_driver driver;
	struct list_head ks_node;
};

#define to_platform_device(x) container_of((x), struct platform_device, dev)

int ks_platform_driver_register(struct platform_driver *drv, const char *file, const char *func, int line);
void platform_driver_unregister(struct platform_driver *drv);
struct platform_device *ks_platform_device_alloc(const char *name, int id, const char *file, const char *func,
						 int line);
int ks_platform_device_add(struct platform_device *pdev, const char *file, const char *func, int line);
void platform_device_put(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_unregister(struct platform_device *pdev);
struct platform_device *of_find_device_by_node(struct device_node *np);
int platform_get_irq(struct platform_device *pdev, unsigned int num);
const struct of_device_id *of_match_device(const struct of_device_id *matches, const struct device *dev);

#define platform_driver_register(drv) ks_platform_driver_register(drv, __FILE__, __func__, __LINE__)
#define platform_device_alloc(name, id) ks_platform_device_alloc(name, id, __FILE__, __func__, __LINE__)
#define platform_device_add(pdev) ks_platform_device_add(pdev, __FILE__, __func__, __LINE__)
#define builtin_platform_driver(drv)                                                          \
	static int __init ks_builtin_##drv(void) { return platform_driver_register(&drv); }   \
	device_initcall(ks_builtin_##drv)

static inline void *platform_get_drvdata(const struct platform_device *pdev) { return pdev->dev.driver_data; }
static inline void platform_set_drvdata(struct platform_device *pdev, void *data) { pdev->dev.driver_data = data; }

#endif
