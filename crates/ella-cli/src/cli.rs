//! The command tree of `ella-cli`, with ELLA v1.17's names and spellings (cli.md §1): mixed
//! underscores and hyphens, `-f`, and `-dry` (rewritten to `--dry` before parsing, see
//! [`normalize_args`]).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// ELLA command line interface.
#[derive(Debug, Parser)]
#[command(name = "ella-cli", version, about = "ELLA command line interface")]
pub struct Cli {
    /// Answer the "Enter reason" prompt of audited commands with this text (non-interactive use).
    #[arg(long, global = true, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Answer 'y' to confirmation prompts (non-interactive use). `database` commands use `-f`.
    #[arg(long, global = true)]
    pub yes: bool,
    /// The command group.
    #[command(subcommand)]
    pub command: Group,
}

/// Command groups.
#[derive(Debug, Subcommand)]
pub enum Group {
    /// Schema management.
    #[command(subcommand)]
    Database(DatabaseCommand),
    /// Data deposit.
    #[command(subcommand)]
    Deposit(DepositCommand),
    /// User administration.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Filter configurations.
    #[command(subcommand)]
    Filterconfigs(FilterconfigsCommand),
    /// Annotation configuration.
    #[command(subcommand)]
    Annotationconfig(AnnotationconfigCommand),
    /// Banner messages.
    #[command(subcommand)]
    Broadcast(BroadcastCommand),
    /// Removal of imported data.
    #[command(subcommand)]
    Delete(DeleteCommand),
}

/// `delete ...`.
#[derive(Debug, Subcommand)]
pub enum DeleteCommand {
    /// Delete an analysis with its samples, genotypes and interpretations.
    Analysis {
        /// The analysis id.
        analysis_id: i32,
    },
    /// Delete the unfinalized (or, with --delete-all, all) interpretation rounds of an allele.
    Alleleinterpretation {
        /// The allele id.
        allele_id: i32,
        /// Delete every round, finalized ones included.
        #[arg(long = "delete-all")]
        delete_all: bool,
    },
}

/// `-f`: skip the confirmation prompt.
#[derive(Debug, Args)]
pub struct Force {
    /// Do not ask for confirmation.
    #[arg(short = 'f')]
    pub force: bool,
}

/// `database ...`.
#[derive(Debug, Subcommand)]
pub enum DatabaseCommand {
    /// Drop everything in the database (DROP SCHEMA public CASCADE).
    Drop(Force),
    /// Create all tables (development; no emptiness check).
    Make(Force),
    /// Create a new production database: schema, then refresh. The database must be empty.
    #[command(name = "make-production")]
    MakeProduction(Force),
    /// Rebuild the annotation shadow tables and the database-side JSON schemas.
    Refresh(Force),
    /// Compare the database revision with this version's, for the container entrypoint.
    Compare,
    /// Print the database revision.
    Current,
    /// Apply pending migrations (`head`, or ELLA's head revision).
    Upgrade {
        /// Target revision.
        revision: String,
    },
}

/// `deposit ...`.
#[derive(Debug, Subcommand)]
pub enum DepositCommand {
    /// Deposit an analysis: a `.analysis` file, an analysis folder or a VCF.
    Analysis {
        /// The `.analysis` file, analysis folder or VCF.
        #[arg(value_parser = existing_path)]
        path: PathBuf,
    },
    /// Deposit variants without an analysis (they get allele interpretations in a gene panel).
    Alleles {
        /// The VCF files.
        #[arg(value_parser = existing_path)]
        vcfs: Vec<PathBuf>,
        /// Gene panel name (default: parsed from the first file name).
        #[arg(long = "genepanel_name")]
        genepanel_name: Option<String>,
        /// Gene panel version (default: parsed from the first file name).
        #[arg(long = "genepanel_version")]
        genepanel_version: Option<String>,
    },
    /// Deposit only the annotation of the variants of a VCF.
    Annotation {
        /// The VCF; its name gives the gene panel (`<name>.<panel>_<version>.vcf`).
        vcf: PathBuf,
    },
    /// Import custom annotation (JSON Lines).
    #[command(name = "custom_annotation")]
    CustomAnnotation {
        /// The custom annotation file.
        custom_annotation_json: PathBuf,
    },
    /// Check that the paths exist (prints OK).
    Exists {
        /// The paths.
        #[arg(value_parser = existing_path)]
        paths: Vec<PathBuf>,
    },
    /// Deposit a gene panel.
    Genepanel(GenepanelArgs),
    /// Import references (JSON Lines).
    References {
        /// The references file.
        #[arg(value_parser = existing_path)]
        references_json: PathBuf,
    },
    /// Give a user group access to a gene panel.
    #[command(name = "append_genepanel_to_usergroup")]
    AppendGenepanelToUsergroup {
        /// Gene panel name.
        genepanel_name: String,
        /// Gene panel version.
        genepanel_version: String,
        /// User group name.
        user_group_name: String,
    },
}

/// Arguments of `deposit genepanel`.
#[derive(Debug, Args)]
pub struct GenepanelArgs {
    /// Gene panel name (ignored with --folder).
    #[arg(long = "genepanel_name")]
    pub genepanel_name: Option<String>,
    /// Gene panel version (ignored with --folder).
    #[arg(long = "genepanel_version")]
    pub genepanel_version: Option<String>,
    /// Transcripts file (ignored with --folder).
    #[arg(long = "transcripts_path")]
    pub transcripts_path: Option<PathBuf>,
    /// Phenotypes file (ignored with --folder).
    #[arg(long = "phenotypes_path")]
    pub phenotypes_path: Option<PathBuf>,
    /// Replace the panel's contents if it exists.
    #[arg(long)]
    pub replace: bool,
    /// Folder `<Name>_<version>` with the panel's files.
    #[arg(long)]
    pub folder: Option<PathBuf>,
}

/// `users ...`.
#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// List users.
    List {
        /// Only users of these groups (`ALL` for all).
        #[arg(long = "group")]
        groups: Vec<String>,
        /// Only this user.
        #[arg(long)]
        username: Option<String>,
    },
    /// List sessions, most recently active first.
    Activity,
    /// Add or update users from a users.json file.
    #[command(name = "add_many")]
    AddMany {
        /// The users file.
        #[arg(value_parser = existing_path)]
        json_file: PathBuf,
        /// Only users of these groups (case-insensitive).
        #[arg(long = "group")]
        groups: Vec<String>,
        /// Do everything, then roll back.
        #[arg(long = "dry")]
        dry: bool,
        /// Keep the password hashes, expiry dates and configs of the file for new users (as
        /// ELLA's test-data loader does) instead of generating one-time passwords.
        #[arg(long = "keep-passwords")]
        keep_passwords: bool,
    },
    /// Add or update user groups from a usergroups.json file.
    #[command(name = "add_groups")]
    AddGroups {
        /// The user groups file.
        #[arg(value_parser = existing_path)]
        json_file: PathBuf,
        /// Only these groups (case-insensitive).
        #[arg(long = "name")]
        names: Vec<String>,
        /// Only show what would be added.
        #[arg(long = "dry")]
        dry: bool,
    },
    /// Give a user a new one-time password.
    #[command(name = "reset_password")]
    ResetPassword {
        /// The user.
        username: String,
    },
    /// Deactivate a user and end their sessions.
    Lock {
        /// The user.
        username: String,
    },
    /// Change a user's names, email or group.
    Modify(ModifyArgs),
}

/// Arguments of `users modify`.
#[derive(Debug, Args)]
pub struct ModifyArgs {
    /// The user.
    pub username: String,
    /// New login name.
    #[arg(long = "new_username")]
    pub new_username: Option<String>,
    /// New first name (several words allowed).
    #[arg(long = "first_name", num_args = 1..)]
    pub first_name: Option<Vec<String>>,
    /// New last name (several words allowed).
    #[arg(long = "last_name", num_args = 1..)]
    pub last_name: Option<Vec<String>>,
    /// New email address.
    #[arg(long)]
    pub email: Option<String>,
    /// New user group (by name).
    #[arg(long = "user_group")]
    pub user_group: Option<String>,
}

/// `filterconfigs ...`.
#[derive(Debug, Subcommand)]
pub enum FilterconfigsCommand {
    /// Deposit filter configs from a filterconfigs.json file.
    Update {
        /// The filter configs file.
        #[arg(value_parser = existing_path)]
        filterconfigs: PathBuf,
    },
    /// Deactivate a filter config.
    Deactivate {
        /// Its id.
        filterconfig_id: i32,
    },
    /// List the active filter configs.
    List,
}

/// `annotationconfig ...`.
#[derive(Debug, Subcommand)]
pub enum AnnotationconfigCommand {
    /// Deposit a new annotation config (YAML or JSON).
    Update {
        /// The annotation config file.
        #[arg(value_parser = existing_path)]
        annotation_config: PathBuf,
    },
    /// Print the active annotation config.
    List,
}

/// `broadcast ...`.
#[derive(Debug, Subcommand)]
pub enum BroadcastCommand {
    /// List messages.
    List {
        /// Include inactive messages.
        #[arg(long)]
        all: bool,
        /// Only the ten most recent (implies --all).
        #[arg(long)]
        tail: bool,
    },
    /// Add a message (all remaining words).
    New {
        /// The message words.
        message: Vec<String>,
    },
    /// Hide a message.
    Deactivate {
        /// Its id.
        message_id: i32,
    },
}

fn existing_path(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!("Path '{text}' does not exist."))
    }
}

/// ELLA accepts the single-dash long option `-dry`; clap does not, so it becomes `--dry`.
pub fn normalize_args(args: impl IntoIterator<Item = String>) -> Vec<String> {
    args.into_iter()
        .map(|arg| {
            if arg == "-dry" {
                "--dry".to_owned()
            } else {
                arg
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn ella_spellings_parse() {
        let parse = |line: &str| {
            Cli::try_parse_from(normalize_args(line.split(' ').map(str::to_owned)))
                .map(|cli| format!("{:?}", cli.command))
        };
        assert!(parse("ella-cli database make-production -f").is_ok());
        assert!(parse("ella-cli users add_groups Cargo.toml -dry")
            .unwrap()
            .contains("dry: true"));
        assert!(parse("ella-cli deposit append_genepanel_to_usergroup HBOC v01 g").is_ok());
        let modify = parse("ella-cli users modify --first_name Lars Marius -- lmarius").unwrap();
        assert!(modify.contains("\"Lars\", \"Marius\"") && modify.contains("lmarius"));
        assert!(parse("ella-cli users add_many /no/such/file").is_err());
    }
}
