//! Placeholder while the use cases land.
use anyhow::{bail, Result};
use crate::context::Context;
/// Not wired yet.
pub fn run(_command: crate::cli::UsersCommand, _ctx: &Context) -> Result<()> {
    bail!("not wired yet")
}
