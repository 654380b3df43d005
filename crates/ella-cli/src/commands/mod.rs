//! One module per command group; [`run`] dispatches.

mod annotationconfig;
mod broadcast;
mod database;
mod delete;
mod deposit;
mod filterconfigs;
mod users;

use anyhow::Result;

use crate::cli::{Cli, Group};
use crate::context::Context;

/// Runs the parsed command.
pub fn run(cli: Cli, ctx: &Context) -> Result<()> {
    match cli.command {
        Group::Database(command) => database::run(command, ctx),
        Group::Deposit(command) => deposit::run(command, ctx),
        Group::Users(command) => users::run(command, ctx),
        Group::Filterconfigs(command) => filterconfigs::run(command, ctx),
        Group::Annotationconfig(command) => annotationconfig::run(command, ctx),
        Group::Broadcast(command) => broadcast::run(command, ctx),
        Group::Delete(command) => delete::run(&command, ctx),
    }
}
