#define _GNU_SOURCE
#include "cspawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

/// A pipe whose ends are both close-on-exec (atomically where the platform can).
static int make_pipe(int pair[2]) {
#if defined(__linux__)
    return pipe2(pair, O_CLOEXEC);
#else
    if (pipe(pair) != 0) return -1;
    fcntl(pair[0], F_SETFD, FD_CLOEXEC);
    fcntl(pair[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

static void close_pair(int pair[2]) {
    if (pair[0] >= 0) close(pair[0]);
    if (pair[1] >= 0) close(pair[1]);
    pair[0] = pair[1] = -1;
}

/// Adds the file action for one stream. `child_end` is the index of the pipe end the child uses.
static int plan_stream(posix_spawn_file_actions_t *actions, int mode, int target, int pair[2], int child_end) {
    switch (mode) {
    case CSPAWN_NULL:
        return posix_spawn_file_actions_addopen(actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0);
    case CSPAWN_PIPE:
        if (make_pipe(pair) != 0) return errno;
        // dup2 onto the standard descriptor clears close-on-exec on the copy the child keeps.
        return posix_spawn_file_actions_adddup2(actions, pair[child_end], target);
    default:
        return 0;
    }
}

int cspawn_start(const char *path, char *const argv[], char *const envp[], const char *directory,
                 int stdin_mode, int stdout_mode, int stderr_mode, int new_group,
                 pid_t *pid, int *stdin_fd, int *stdout_fd, int *stderr_fd) {
    int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) return result;
    result = posix_spawnattr_init(&attributes);
    if (result != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return result;
    }

    if (result == 0) result = plan_stream(&actions, stdin_mode, 0, in, 0);
    if (result == 0) result = plan_stream(&actions, stdout_mode, 1, out, 1);
    if (result == 0) result = plan_stream(&actions, stderr_mode, 2, err, 1);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    if (result == 0) result = posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif
    if (result == 0 && directory != NULL) result = posix_spawn_file_actions_addchdir_np(&actions, directory);

    sigset_t empty, all;
    sigemptyset(&empty);
    sigfillset(&all);
    sigdelset(&all, SIGKILL);
    sigdelset(&all, SIGSTOP);
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
#if defined(__APPLE__)
    flags |= POSIX_SPAWN_CLOEXEC_DEFAULT;  // Darwin's way of closing every descriptor not set up above
#endif
    if (new_group) {
        flags |= POSIX_SPAWN_SETPGROUP;
        if (result == 0) result = posix_spawnattr_setpgroup(&attributes, 0);
    }
    if (result == 0) result = posix_spawnattr_setsigmask(&attributes, &empty);
    if (result == 0) result = posix_spawnattr_setsigdefault(&attributes, &all);
    if (result == 0) result = posix_spawnattr_setflags(&attributes, flags);
    if (result == 0) result = posix_spawn(pid, path, &actions, &attributes, argv, envp);

    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (result != 0) {
        close_pair(in);
        close_pair(out);
        close_pair(err);
        return result;
    }
    // Keep the parent's ends; the child has its own copies of the others.
    if (in[0] >= 0) close(in[0]);
    if (out[1] >= 0) close(out[1]);
    if (err[1] >= 0) close(err[1]);
    *stdin_fd = in[1];
    *stdout_fd = out[0];
    *stderr_fd = err[0];
    return 0;
}

int cspawn_exited(int status) { return WIFEXITED(status); }
int cspawn_exit_code(int status) { return WEXITSTATUS(status); }
int cspawn_signaled(int status) { return WIFSIGNALED(status); }
int cspawn_signal(int status) { return WTERMSIG(status); }
