//! `ella-cli users ...`: user administration (cli.md §4.3).

use anyhow::{anyhow, Result};
use chrono::Utc;
use diesel::{Connection, PgConnection};
use ella_core::password::{generate_one_time_password, hash_password, PasswordPolicy};
use ella_db::user::{self, UserChangeset, UserRow};
use ella_db::{account, usergroup};
use ella_deposit::fixtures::usergroups::import_usergroups;
use ella_deposit::fixtures::users::{
    import_users, modification_report, PasswordHandling, UserImportOptions,
};
use ella_deposit::fixtures::{python_bytes, python_datetime, JsonFixture};

use crate::audit::Audit;
use crate::cli::{ModifyArgs, UsersCommand};
use crate::context::Context;

/// Runs one `users` command.
pub fn run(command: UsersCommand, ctx: &Context) -> Result<()> {
    match command {
        UsersCommand::List { groups, username } => {
            let groups = (!groups.is_empty()).then_some(groups.as_slice());
            let users = user::list_users(&mut ctx.connect()?, username.as_deref(), groups)?;
            print_users(&users);
            Ok(())
        }
        UsersCommand::Activity => ctx.audited("users", "activity", false, |_audit| {
            for session in account::session_activity(&mut ctx.connect()?)? {
                println!(
                    "{:^10} {:<20} {:<30} {:<30} {}",
                    session.user_id,
                    session.username,
                    session.first_name,
                    session.last_name,
                    session.last_activity
                );
            }
            Ok(())
        }),
        UsersCommand::AddMany {
            json_file,
            groups,
            dry,
            keep_passwords,
        } => ctx.audited("users", "add_many", false, |audit| {
            let fixture = JsonFixture::read(&json_file)?;
            let policy = password_policy(ctx)?;
            let options = UserImportOptions {
                groups_filter: &groups,
                passwords: if keep_passwords {
                    PasswordHandling::StoredPasswords
                } else {
                    PasswordHandling::OneTimePasswords(&policy)
                },
            };
            in_transaction_unless_dry(ctx, dry, audit, "Users added successfully", |conn| {
                Ok(import_users(conn, &fixture, &options, &mut rand::rng())?)
            })
        }),
        UsersCommand::AddGroups {
            json_file,
            names,
            dry,
        } => ctx.audited("users", "add_groups", false, |audit| {
            let fixture = JsonFixture::read(&json_file)?;
            if dry {
                for item in &fixture.items {
                    let name = item["name"].as_str().unwrap_or_default();
                    if names.is_empty() || names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                        audit.say(format!("Would add group '{name}'"));
                    }
                }
                return Ok(());
            }
            let messages = ctx
                .connect()?
                .transaction(|conn| import_usergroups(conn, &fixture, &names, &ctx.config))?;
            for message in messages {
                audit.say(message);
            }
            Ok(())
        }),
        UsersCommand::ResetPassword { username } => {
            ctx.audited("users", "reset_password", false, |audit| {
                reset_password(ctx, &username, audit)
            })
        }
        UsersCommand::Lock { username } => ctx.audited("users", "lock", true, |audit| {
            ctx.connect()?.transaction(|conn| -> Result<()> {
                let found = existing_user(conn, &username)?;
                account::lock(conn, found.id, Utc::now())?;
                audit.say(format!(
                    "User {username} ({}, {}) has been deactivated",
                    found.last_name, found.first_name
                ));
                Ok(())
            })
        }),
        UsersCommand::Modify(args) => {
            ctx.audited("users", "modify", false, |audit| modify(ctx, &args, audit))
        }
    }
}

fn password_policy(ctx: &Context) -> Result<PasswordPolicy> {
    let auth = &ctx.config.settings.user.auth;
    Ok(PasswordPolicy::new(
        auth.password_minimum_length as usize,
        &auth.password_match_groups,
        auth.password_num_match_groups as usize,
    )?)
}

fn existing_user(conn: &mut PgConnection, username: &str) -> Result<UserRow> {
    user::find_by_username(conn, username)?.ok_or_else(|| anyhow!("Invalid username {username}"))
}

/// Runs `body` in a transaction; with `dry`, rolls it back after showing its messages.
fn in_transaction_unless_dry(
    ctx: &Context,
    dry: bool,
    audit: &mut Audit,
    success: &str,
    body: impl FnOnce(&mut PgConnection) -> Result<Vec<String>>,
) -> Result<()> {
    let mut conn = ctx.connect()?;
    let messages = if dry {
        let mut messages = Vec::new();
        let _rolled_back = conn.transaction(|conn| -> Result<()> {
            messages = body(conn)?;
            Err(anyhow!("dry run"))
        });
        messages.push("!!! DRY RUN: Rolling back changes".to_owned());
        messages
    } else {
        let mut messages = conn.transaction(body)?;
        messages.push(success.to_owned());
        messages
    };
    for message in messages {
        audit.say(message);
    }
    Ok(())
}

fn reset_password(ctx: &Context, username: &str, audit: &mut Audit) -> Result<()> {
    let password = generate_one_time_password(&password_policy(ctx)?, &mut rand::rng());
    let hash = hash_password(&password)?;
    let found = ctx.connect()?.transaction(|conn| -> Result<UserRow> {
        let found = existing_user(conn, username)?;
        let now = Utc::now();
        account::replace_password(conn, found.id, &hash, account::expired_password_date(), now)?;
        Ok(found)
    })?;
    let names = format!("{}, {}", found.last_name, found.first_name);
    // The password is shown to the operator but never stored in the audit log.
    println!("Reset password for user {username} ({names}) with password {password}");
    audit.record_only(format!(
        "Reset password for user {username} ({names}) with password *********"
    ));
    Ok(())
}

fn modify(ctx: &Context, args: &ModifyArgs, audit: &mut Audit) -> Result<()> {
    let question = "Are you sure you want to modify user with command line arguments? If not, \
                    consider using the 'add_many' command to import with json-file.";
    if !ctx.prompter.confirm_y(question)? {
        audit.say("Aborting");
        return Ok(());
    }
    ctx.connect()?.transaction(|conn| -> Result<()> {
        let old = existing_user(conn, &args.username)?;
        let group = match &args.user_group {
            // ELLA silently ignores an unknown group; a typo should not pass unnoticed.
            Some(name) => Some(
                usergroup::find_by_name(conn, name)?
                    .ok_or_else(|| anyhow!("User group {name} does not exist"))?,
            ),
            None => None,
        };
        let changes = UserChangeset {
            username: args.new_username.clone(),
            first_name: args.first_name.as_ref().map(|words| words.join(" ")),
            last_name: args.last_name.as_ref().map(|words| words.join(" ")),
            email: args.email.clone().map(Some),
            group_id: group.as_ref().map(|group| group.id),
            ..UserChangeset::default()
        };
        let mut lines = Vec::new();
        let mut text_change = |key: &'static str, old: &str, new: &Option<String>| {
            if let Some(new) = new {
                lines.push((key, python_bytes(old), python_bytes(new)));
            }
        };
        text_change("username", &old.username, &changes.username);
        text_change("first_name", &old.first_name, &changes.first_name);
        text_change("last_name", &old.last_name, &changes.last_name);
        text_change(
            "email",
            old.email.as_deref().unwrap_or_default(),
            &args.email,
        );
        if let Some(group) = &group {
            let old_group = usergroup::find_by_id(conn, old.group_id)?
                .map(|group| group.name)
                .unwrap_or_default();
            lines.push(("usergroup", old_group, group.name.clone()));
        }
        user::update_user(conn, old.id, &changes)?;
        for line in modification_report(&args.username, &old, &lines) {
            audit.say(line);
        }
        audit.say(format!("User {} modified", args.username));
        Ok(())
    })
}

fn print_users(users: &[user::UserListing]) {
    if users.is_empty() {
        println!("No result");
        return;
    }
    let row = |cells: [&str; 7]| {
        format!(
            "{:^10} {:<20} {:<30} {:<30} {:<30} {:<10} {}",
            cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]
        )
    };
    let header = row([
        "id",
        "username",
        "first_name",
        "last_name",
        "password_expiry",
        "usergroup",
        "genepanels",
    ]);
    println!("{header}");
    println!("{}", "-".repeat(header.chars().count()));
    for user in users {
        println!(
            "{}",
            row([
                &user.id.to_string(),
                &user.username,
                &user.first_name,
                &user.last_name,
                &python_datetime(&user.password_expiry),
                &user.usergroup,
                &user.genepanels.join(", "),
            ])
        );
    }
}
