//! Deployment tests: everything lives in `tests/` (`full_stack.rs` runs nginx, supervisord and the
//! built binaries with the repository's `supervisord.conf` and `nginx.conf`; `docker.rs` checks
//! `docker/Dockerfile` against the repository).
