mod cli;

fn main() -> std::process::ExitCode {
    // `jixiao score … | head` should end quietly like other Unix tools, not panic on a closed pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    cli::run()
}
