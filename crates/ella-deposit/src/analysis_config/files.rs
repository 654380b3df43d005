//! Finding and reading the files of an analysis folder (import.md §2).

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Maps an I/O error on `path` to the crate's error.
pub(super) fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// The folder holding `file`.
pub(super) fn folder_of(file: &Path) -> &Path {
    file.parent().unwrap_or(Path::new("/"))
}

/// The files under `folder`, recursively and sorted by path, whose file name satisfies `wanted`.
///
/// Like Python's `Path.rglob`, which ELLA uses, the search does not descend into symbolic links
/// to folders, but linked files are found.
pub(super) fn find(folder: &Path, wanted: &dyn Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).map_err(io_error(&dir))? {
            let entry = entry.map_err(io_error(&dir))?;
            let path = entry.path();
            if entry.file_type().map_err(io_error(&path))?.is_dir() {
                pending.push(path);
            } else if wanted(Path::new(&entry.file_name())) && path.is_file() {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Whether `path` ends with `.<extension>` (case-sensitive, as in ELLA). As with Python's
/// suffixes, the leading dot of a hidden file does not start an extension.
pub(super) fn has_extension(path: &Path, extension: &str) -> bool {
    path.extension() == Some(OsStr::new(extension))
}

/// Whether `path` names a VCF: `.vcf` or `.vcf.gz`.
pub(super) fn is_vcf(path: &Path) -> bool {
    has_extension(path, "vcf")
        || (has_extension(path, "gz")
            && path
                .file_stem()
                .is_some_and(|stem| has_extension(Path::new(stem), "vcf")))
}

/// The VCFs under `folder`, sorted by path; a folder without any is refused.
pub(super) fn vcfs(folder: &Path) -> Result<Vec<PathBuf>> {
    let vcfs = find(folder, &is_vcf)?;
    if vcfs.is_empty() {
        return Err(Error::Invalid(format!(
            "Unable to find vcf file in folder: {}",
            folder.display()
        )));
    }
    Ok(vcfs)
}

/// `path` resolved against `folder` when relative; it must be a file.
pub(super) fn existing_file(folder: &Path, path: &Path) -> Result<PathBuf> {
    let path = folder.join(path);
    if path.is_file() {
        Ok(path)
    } else {
        Err(Error::Invalid(format!(
            "Unable to find file at {}",
            path.display()
        )))
    }
}

/// The whole text of `path`, or `None` when there is no such file (§2.3). Line ends are
/// normalised to `\n`, as Python's text mode does when ELLA reads these files.
pub(super) fn optional_text(path: &Path) -> Result<Option<String>> {
    if !path.is_file() {
        return Ok(None);
    }
    let text = fs::read_to_string(path).map_err(io_error(path))?;
    Ok(Some(text.replace("\r\n", "\n").replace('\r', "\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vcf_names() {
        for name in ["a.vcf", "a.b.vcf.gz", "dir/x.HBOC_v01.vcf"] {
            assert!(is_vcf(Path::new(name)), "{name}");
        }
        for name in [".vcf", ".vcf.gz", "a.vcf.bak", "a.gz", "a.vcfx", "a.ped"] {
            assert!(!is_vcf(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn finds_recursively_in_path_order_without_folders() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("b/c.vcf")).unwrap();
        for file in ["b/a.vcf", "a.vcf.gz", "b-x.vcf", "notes.txt"] {
            fs::write(dir.path().join(file), "").unwrap();
        }
        let found: Vec<_> = vcfs(dir.path())
            .unwrap()
            .into_iter()
            .map(|path| path.strip_prefix(dir.path()).unwrap().to_owned())
            .collect();
        // Component-wise order, as Python sorts paths: `b/a.vcf` before `b-x.vcf`.
        let expected: Vec<PathBuf> = ["a.vcf.gz", "b/a.vcf", "b-x.vcf"]
            .into_iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn folder_without_vcf_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let error = vcfs(dir.path()).unwrap_err();
        assert!(
            error.to_string().starts_with("Unable to find vcf file"),
            "{error}"
        );
    }

    #[test]
    fn optional_text_reads_whole_file_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt");
        assert_eq!(optional_text(&path).unwrap(), None);
        fs::write(&path, "a\r\nb\n\n").unwrap();
        assert_eq!(optional_text(&path).unwrap().as_deref(), Some("a\nb\n\n"));
    }

    #[test]
    fn missing_file_is_named() {
        let error = existing_file(Path::new("/nowhere"), Path::new("x.vcf")).unwrap_err();
        assert_eq!(error.to_string(), "Unable to find file at /nowhere/x.vcf");
    }
}
