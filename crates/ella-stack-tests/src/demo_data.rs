//! The demo data of a stack: the fixtures through `scripts/load-demo-data --no-analyses` with the
//! built `ella-cli`, then, on request, the e2e analyses as the golden runs had them.
//!
//! Annotation config, the four gene panels, user groups, users (password `demo`), filter configs
//! and references, and optionally the e2e analyses in the order of `testdata/golden/README.md`
//! (so that their ids are the golden ones: 1 to 5).

use std::path::Path;
use std::process::{Command, Stdio};

use ella_test_support::{golden_analysis_folder, repo_root, testdata, TestDatabase, E2E_ANALYSES};

/// CNV support as in the golden runs: HG002's structural-variant VCF needs it.
pub const ENABLE_CNV: &str = "true";

/// What a stack's database holds besides the schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoData {
    /// The fixtures: gene panels, groups, users, filter configs, references, annotation config.
    Fixtures,
    /// The fixtures and the e2e analyses ([`E2E_ANALYSES`], ids 1 to 5).
    FixturesAndE2eAnalyses,
}

/// Loads `demo` into the database of `db` with the `ella-cli` in `bin`; `scratch` is a folder
/// for copies of the analysis folders.
pub fn load(demo: DemoData, db: &TestDatabase, bin: &Path, scratch: &Path) {
    let cli = bin.join("ella-cli");
    let run = |command: &mut Command, what: &str| {
        let output = command
            .env("DB_URL", db.url().expose())
            .env("ELLA_CONFIG", testdata("fixtures/example_config.yml"))
            .env("ELLA_ROOT", repo_root())
            .env("ENABLE_CNV", ENABLE_CNV)
            .env("USER", "tester")
            .stdin(Stdio::null())
            .output()
            .expect("run the demo data loader");
        assert!(
            output.status.success(),
            "{what}:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    };
    run(
        Command::new(repo_root().join("scripts/load-demo-data"))
            .arg("--no-analyses")
            .env("ELLA_CLI", &cli),
        "scripts/load-demo-data --no-analyses",
    );
    if demo == DemoData::FixturesAndE2eAnalyses {
        for name in E2E_ANALYSES {
            let folder = golden_analysis_folder("e2e", name, scratch);
            run(
                Command::new(&cli)
                    .arg("deposit")
                    .arg("analysis")
                    .arg(&folder),
                &format!("ella-cli deposit analysis {name}"),
            );
        }
    }
}
