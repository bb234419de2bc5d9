#ifndef CSPAWN_H
#define CSPAWN_H

#include <sys/types.h>

/// What a child's standard stream is connected to.
enum cspawn_stream {
    CSPAWN_INHERIT = 0,  ///< the parent's own descriptor
    CSPAWN_NULL = 1,     ///< /dev/null
    CSPAWN_PIPE = 2,     ///< a new pipe; the parent's end is returned
};

/// Starts `path` with `argv` and `envp` (both NULL-terminated), in `directory` when it is not NULL.
///
/// Every pipe is created close-on-exec, and the child closes every descriptor above 2, so no other
/// child started at the same time can inherit this one's pipes (which would keep them open after the
/// child exits). The child starts with an empty signal mask and default signal handlers; with
/// `new_group` it leads a process group of its own, so a signal can reach everything it starts.
///
/// Returns 0 and fills `pid` and, for each stream set to CSPAWN_PIPE, the parent's end of its pipe
/// (write end for stdin, read ends for stdout and stderr; -1 otherwise). Returns an errno value on failure.
int cspawn_start(const char *path, char *const argv[], char *const envp[], const char *directory,
                 int stdin_mode, int stdout_mode, int stderr_mode, int new_group,
                 pid_t *pid, int *stdin_fd, int *stdout_fd, int *stderr_fd);

/// The parts of a wait status (the W* macros, which Swift cannot call).
int cspawn_exited(int status);
int cspawn_exit_code(int status);
int cspawn_signaled(int status);
int cspawn_signal(int status);

#endif
