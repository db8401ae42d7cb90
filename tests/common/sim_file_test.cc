// SPDX-License-Identifier: BSD-2-Clause
// sim_file_test.cc - the whole-file reader (model/common/sim_file.c): exact contents, the NUL after them,
// the size limit at its boundary, files that cannot say their size, and errors through errno.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "sim_file.h"

namespace {

std::string temp_file(const std::string &content)
{
	char name[] = "/tmp/sim_file_testXXXXXX";
	int fd = mkstemp(name);

	EXPECT_GE(fd, 0);
	EXPECT_EQ(write(fd, content.data(), content.size()), (ssize_t)content.size());
	close(fd);
	return name;
}

} // namespace

TEST(Sim, FileReadWholeContentsAndNul)
{
	// more than the reader's first 64 KiB buffer, with NUL bytes inside
	std::string content(200000, 'a');
	for (size_t i = 0; i < content.size(); i += 977)
		content[i] = (char)(i % 251);
	std::string path = temp_file(content);
	size_t len = 1;
	char *buf = static_cast<char *>(sim_file_read(path.c_str(), SIM_FILE_MAX, &len));

	ASSERT_NE(buf, nullptr);
	EXPECT_EQ(len, content.size());
	EXPECT_EQ(std::string(buf, len), content);
	EXPECT_EQ(buf[len], '\0');
	free(buf);
	unlink(path.c_str());
}

TEST(Sim, FileReadEmptyFileIsAnEmptyBuffer)
{
	std::string path = temp_file("");
	size_t len = 7;
	char *buf = static_cast<char *>(sim_file_read(path.c_str(), 16, &len));

	ASSERT_NE(buf, nullptr);
	EXPECT_EQ(len, 0u);
	EXPECT_EQ(buf[0], '\0');
	free(buf);
	unlink(path.c_str());
}

TEST(Sim, FileReadLimitBoundary)
{
	std::string path = temp_file(std::string(100, 'x'));
	size_t len = 0;
	void *buf = sim_file_read(path.c_str(), 100, &len);

	ASSERT_NE(buf, nullptr);	// exactly max bytes: read
	EXPECT_EQ(len, 100u);
	free(buf);
	errno = 0;
	len = 5;
	EXPECT_EQ(sim_file_read(path.c_str(), 99, &len), nullptr);	// one byte over: refused
	EXPECT_EQ(errno, EFBIG);
	EXPECT_EQ(len, 0u);
	unlink(path.c_str());
}

TEST(Sim, FileReadWithoutASize)
{
	// /proc files report size 0 and cannot be sized by seeking: the reader must not rely on it
	size_t len = 0;
	char *buf = static_cast<char *>(sim_file_read("/proc/self/status", SIM_FILE_MAX, &len));

	ASSERT_NE(buf, nullptr);
	EXPECT_GT(len, 0u);
	EXPECT_NE(std::string(buf, len).find("Pid:"), std::string::npos);
	free(buf);
}

TEST(Sim, FileReadErrorsThroughErrno)
{
	size_t len = 3;

	errno = 0;
	EXPECT_EQ(sim_file_read("/nonexistent/pamusim/file", SIM_FILE_MAX, &len), nullptr);
	EXPECT_EQ(errno, ENOENT);
	EXPECT_EQ(len, 0u);
	errno = 0;
	EXPECT_EQ(sim_file_read("/tmp", SIM_FILE_MAX, &len), nullptr);	// a directory: the read fails
	EXPECT_EQ(errno, EISDIR);
}
