//! Deployment tests and their harness. The tests live in `tests/`: `full_stack.rs` runs nginx,
//! supervisord and the built binaries with the repository's `supervisord.conf` and `nginx.conf`;
//! `browser.rs` drives the web UI in Chromium against that stack (scripts in `web/e2e/`);
//! `entrypoint.rs` runs `docker/entrypoint.sh` against real databases; `docker.rs` checks
//! `docker/Dockerfile` against the repository.
//!
//! The harness needs `nginx`, `supervisord` and `envsubst` on the `PATH`, and for the browser
//! test Chromium and Node.js (`scripts/test` installs them all).

pub mod demo_data;
pub mod http;
pub mod stack;
pub mod web_ui;
