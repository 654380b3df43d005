//! Logging set-up shared by ELLA's binaries: `tracing` to stderr, filtered by `RUST_LOG`
//! (default `info`). Stdout stays free for what a command prints.
//!
//! What may be logged is in docs/architecture.md: never patient or sample identifiers,
//! genotypes, passwords, session tokens or request bodies.

/// Installs the global subscriber. Call once, first thing in `main`.
pub fn init() {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
}
