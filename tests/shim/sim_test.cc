// SPDX-License-Identifier: BSD-2-Clause
// sim_test.cc - GoogleTest side of the C test API (sim_test.h) and the main of every test binary.
#include "sim_test.h"

#include <gtest/gtest.h>

#include <cstdarg>
#include <cstdio>
#include <string>
#include <vector>

namespace {

struct CTest {
	const char *suite;
	const char *name;
	sim_test_fn fn;
	const char *file;
	int line;
};

std::vector<CTest> &registry()
{
	static std::vector<CTest> tests;
	return tests;
}

class CTestBody : public testing::Test {
public:
	explicit CTestBody(sim_test_fn fn) : fn_(fn) {}
	void TestBody() override { fn_(); }

private:
	sim_test_fn fn_;
};

std::string vformat(const char *fmt, va_list ap)
{
	char buf[1024];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	return buf;
}

} // namespace

extern "C" void sim_test_register(const char *suite, const char *name, sim_test_fn fn, const char *file,
				  int line)
{
	registry().push_back(CTest{suite, name, fn, file, line});
}

extern "C" bool sim_test_check(bool ok, const char *expr, const char *file, int line, const char *fmt, ...)
{
	if (ok)
		return true;
	std::string msg = std::string("check failed: ") + expr;
	if (fmt) {
		va_list ap;

		va_start(ap, fmt);
		msg += ": " + vformat(fmt, ap);
		va_end(ap);
	}
	ADD_FAILURE_AT(file, line) << msg;
	return false;
}

extern "C" void sim_test_note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	std::string msg = vformat(fmt, ap);
	va_end(ap);
	std::printf("[   NOTE   ] %s\n", msg.c_str());
	std::fflush(stdout);
}

int main(int argc, char **argv)
{
	for (const CTest &t : registry()) {
		sim_test_fn fn = t.fn;
		testing::RegisterTest(t.suite, t.name, nullptr, nullptr, t.file, t.line,
				      [fn]() -> testing::Test * { return new CTestBody(fn); });
	}
	testing::InitGoogleTest(&argc, argv);
	return RUN_ALL_TESTS();
}
