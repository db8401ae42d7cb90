/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sim_test.h - a small C API over GoogleTest, so model-level tests can be written in C11 next to the
 * code they test and still run, report and register in CTest as GoogleTest tests.
 *
 *	SIM_TEST(Pamu, ResetValues)
 *	{
 *		SIM_ASSERT(p != NULL);			// fatal: returns from the test
 *		SIM_EXPECT_EQ_U64(pamu_reg_read(p, 0xc10, 4), 0);
 *	}
 *
 * The test is registered with GoogleTest as Pamu.ResetValues by sim_test_main() (the shim's main).
 * C++ test files use GoogleTest directly and link the same library; both kinds mix in one binary.
 */
#ifndef SIM_TEST_H
#define SIM_TEST_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*sim_test_fn)(void);

void sim_test_register(const char *suite, const char *name, sim_test_fn fn, const char *file, int line);
/* Records a failure (non-fatal) when ok is false; returns ok. */
bool sim_test_check(bool ok, const char *expr, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Informational line in the test output (e.g. the mix of a random test). */
void sim_test_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define SIM_TEST(suite, name)                                                                   \
	static void sim_test_##suite##_##name(void);                                            \
	__attribute__((constructor)) static void sim_test_reg_##suite##_##name(void)            \
	{                                                                                       \
		sim_test_register(#suite, #name, sim_test_##suite##_##name, __FILE__, __LINE__); \
	}                                                                                       \
	static void sim_test_##suite##_##name(void)

#define SIM_EXPECT(cond) ((void)sim_test_check(!!(cond), #cond, __FILE__, __LINE__, NULL))
#define SIM_ASSERT(cond)                                                                        \
	do {                                                                                    \
		if (!sim_test_check(!!(cond), #cond, __FILE__, __LINE__, NULL))                 \
			return;                                                                 \
	} while (0)
#define SIM_EXPECT_EQ_U64(a, b)                                                                 \
	do {                                                                                    \
		unsigned long long sim_a_ = (unsigned long long)(a), sim_b_ = (unsigned long long)(b); \
		sim_test_check(sim_a_ == sim_b_, #a " == " #b, __FILE__, __LINE__,              \
			       "0x%llx != 0x%llx", sim_a_, sim_b_);                                  \
	} while (0)

#ifdef __cplusplus
}
#endif

#endif /* SIM_TEST_H */
