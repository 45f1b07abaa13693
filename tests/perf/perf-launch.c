/* perf-launch.c
 *
 * Copyright 2026 The Cofactor authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Starts a GTK program and measures its start-up, for
 * build-aux/measure-performance.sh:
 *
 *   perf-launch LINGER_MS PROGRAM [ARGUMENT…]
 *
 * prints "FIRST_FRAME_MS PEAK_RSS_KIB CPU_MS": the time from just
 * before the exec to the end of the first painted frame of its window
 * (the program reports that moment on the file descriptor named by
 * COFACTOR_FIRST_FRAME_FD), its peak resident memory, and the processor
 * time it had used by that frame (which it reports too; less disturbed
 * than the wall time by other work on a busy machine).  The program
 * is left to run LINGER_MS more, so that work it put off until after
 * the first frame counts in its memory, then ended with SIGTERM. */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>

int
main (int   argc,
      char *argv[])
{
  struct pollfd pfd;
  struct rusage usage;
  char buf[64] = "";
  size_t len = 0;
  int fds[2];
  gint64 start, painted, cpu;
  char *end;
  int linger, status;
  pid_t pid;

  if (argc < 3)
    {
      fprintf (stderr, "usage: perf-launch LINGER_MS PROGRAM [ARGUMENT…]\n");
      return 2;
    }
  linger = atoi (argv[1]);

  if (pipe (fds) != 0)
    return 1;

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      if (fds[1] != 3)
        {
          dup2 (fds[1], 3);
          close (fds[1]);
        }
      setenv ("COFACTOR_FIRST_FRAME_FD", "3", 1);
      execvp (argv[2], argv + 2);
      perror (argv[2]);
      _exit (127);
    }
  close (fds[1]);

  pfd.fd = fds[0];
  pfd.events = POLLIN;
  while (len < sizeof buf - 1)
    {
      ssize_t n;

      if (poll (&pfd, 1, 30000) <= 0)
        break;
      n = read (fds[0], buf + len, sizeof buf - 1 - len);
      if (n <= 0)
        break;
      len += n;
      if (memchr (buf, '\n', len) != NULL)
        break;
    }
  buf[len] = '\0';
  painted = g_ascii_strtoll (buf, &end, 10);
  cpu = g_ascii_strtoll (end, NULL, 10);

  g_usleep ((gulong) linger * 1000);
  kill (pid, SIGTERM);
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;

  if (painted <= 0)
    {
      fprintf (stderr, "perf-launch: %s reported no first frame\n", argv[2]);
      return 1;
    }

  printf ("%.1f %ld %.1f\n", (painted - start) / 1000.0, usage.ru_maxrss, cpu / 1000.0);

  return 0;
}
