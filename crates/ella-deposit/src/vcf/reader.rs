//! Streaming records out of a VCF file, one reused buffer per record, and the batches of the
//! analysis deposit (import.md §5.1).

use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;

use super::header::{read_header, VcfHeader};
use super::record::{FormatCache, VcfRecord};
use super::source;
use crate::{Error, Result};

/// Records per batch of the analysis deposit (`PrefilterBatchGenerator`, §5.1).
pub const ANALYSIS_BATCH_SIZE: usize = 2000;

/// A VCF file being read: its header, then its records in file order.
///
/// ```no_run
/// # fn main() -> ella_deposit::Result<()> {
/// use ella_deposit::vcf::{RecordBatch, VcfReader, ANALYSIS_BATCH_SIZE};
///
/// let mut reader = VcfReader::open("sample.vcf.gz".as_ref())?;
/// let proband = reader.header().sample_index("HG002").expect("proband column");
/// let mut batch = RecordBatch::default();
/// while reader.read_batch(&mut batch, ANALYSIS_BATCH_SIZE)? {
///     for record in batch.records() {
///         if record.has_allele(proband)? {
///             // ...
///         }
///     }
/// }
/// # Ok(())
/// # }
/// ```
pub struct VcfReader {
    path: Arc<Path>,
    source: Box<dyn BufRead + Send>,
    header: VcfHeader,
    line_number: usize,
    format: FormatCache,
}

impl VcfReader {
    /// Opens a plain, BGZF-compressed or gzip-compressed VCF and reads its header.
    pub fn open(path: &Path) -> Result<Self> {
        let mut source = source::open(path)?;
        let (header, line_number) = read_header(&mut source, path)?;
        Ok(Self {
            path: Arc::from(path),
            source,
            header,
            line_number,
            format: FormatCache::default(),
        })
    }

    /// The file being read.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The header of the file.
    pub fn header(&self) -> &VcfHeader {
        &self.header
    }

    /// Reads the next record into `record`, reusing its buffers; `false` at the end of the file.
    ///
    /// Blank lines are skipped. A line without line end at the end of the file, a missing column
    /// or a malformed value is a [`Error::Parse`] naming the line.
    pub fn read_record(&mut self, record: &mut VcfRecord) -> Result<bool> {
        let mut buf = record.take_line_buffer();
        loop {
            self.line_number += 1;
            match read_line(&mut self.source, &mut buf, &self.path, self.line_number)? {
                LineEnd::Eof => {
                    record.clear(buf);
                    return Ok(false);
                }
                LineEnd::Line([]) => {}
                LineEnd::Line(_) => break,
            }
        }
        let line = String::from_utf8(buf).map_err(|_| Error::Parse {
            path: self.path.to_path_buf(),
            line: Some(self.line_number),
            message: "the line is not UTF-8".to_owned(),
        })?;
        record.parse(
            line,
            &self.path,
            self.line_number,
            self.header.samples().len(),
            &mut self.format,
        )?;
        Ok(true)
    }

    /// Reads the next batch of the analysis deposit into `batch`; `false` when no record is left.
    ///
    /// Reproduces ELLA's `PrefilterBatchGenerator` (§5.1), which defines where blocks may end: a
    /// batch closes once it holds at least `batch_size` records and its last record is neither
    /// within 3 bp of the one before (same chromosome) nor part of a decomposed multiallelic site
    /// (`OLD_MULTIALLELIC`). So a batch never splits a block, and `batch_size` is a minimum.
    pub fn read_batch(&mut self, batch: &mut RecordBatch, batch_size: usize) -> Result<bool> {
        batch.len = 0;
        loop {
            if batch.len == batch.records.len() {
                batch.records.push(VcfRecord::default());
            }
            if !self.read_record(&mut batch.records[batch.len])? {
                break;
            }
            batch.len += 1;
            if let [.., previous, current] = batch.records() {
                if batch.len >= batch_size
                    && !previous.is_nearby(current)
                    && current.block_id().is_none()
                {
                    break;
                }
            }
        }
        Ok(batch.len > 0)
    }
}

/// The records of one batch, in file order. The record buffers are kept between batches.
#[derive(Default)]
pub struct RecordBatch {
    records: Vec<VcfRecord>,
    len: usize,
}

impl RecordBatch {
    /// The records of the batch.
    pub fn records(&self) -> &[VcfRecord] {
        &self.records[..self.len]
    }
}

/// What [`read_line`] found.
pub(crate) enum LineEnd<'b> {
    /// The end of the input, before any byte of a new line.
    Eof,
    /// A complete line, line end (`\n` or `\r\n`) removed.
    Line(&'b [u8]),
}

/// Reads one line into `buf`. A last line without `\n` means the file was cut: an error, since
/// tools that write VCF end every line, and a short read must never pass unnoticed.
pub(crate) fn read_line<'b, R: BufRead + ?Sized>(
    source: &mut R,
    buf: &'b mut Vec<u8>,
    path: &Path,
    line_number: usize,
) -> Result<LineEnd<'b>> {
    let parse_error = |message: String| Error::Parse {
        path: path.to_owned(),
        line: Some(line_number),
        message,
    };
    buf.clear();
    let read = source.read_until(b'\n', buf).map_err(|error| {
        // Decompression errors (a cut BGZF block, a bad gzip trailer) surface here.
        parse_error(format!("cannot read the file: {error}"))
    })?;
    if read == 0 {
        return Ok(LineEnd::Eof);
    }
    if buf.pop() != Some(b'\n') {
        return Err(parse_error(
            "the file ends in the middle of this line: it is truncated".to_owned(),
        ));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(LineEnd::Line(buf))
}
