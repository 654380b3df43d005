//! Opening a VCF: plain text, BGZF or plain gzip, told apart by content (import.md §1.1).
//!
//! A truncated compressed file must be an error, never a short read. noodles' BGZF reader fails
//! on a block cut in its middle, but ends quietly when the file is cut exactly between blocks or
//! inside a block header; the BGZF end-of-file marker (an empty block that `bgzip` always writes
//! last) closes that gap and is required here. htslib only warns when it is missing; a BGZF file
//! without it was either written by a pre-2011 `bgzip` or is truncated. Plain gzip streams are
//! checked by their own trailer (CRC and length), which flate2 verifies.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use noodles_bgzf as bgzf;

use crate::{Error, Result};

/// Large enough to amortise reads over the long annotated lines (kilobytes of VEP `CSQ`).
const BUFFER_CAPACITY: usize = 256 * 1024;

/// The 28-byte empty block that ends every BGZF file (SAM specification §4.1.2).
pub(crate) const BGZF_EOF: [u8; 28] = [
    0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43, 0x02, 0x00,
    0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
];

/// A decompressed byte stream of the file at `path`.
pub(crate) fn open(path: &Path) -> Result<Box<dyn BufRead + Send>> {
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = File::open(path).map_err(io_error)?;
    let mut magic = [0_u8; 18];
    let magic_len = read_up_to(&mut file, &mut magic).map_err(io_error)?;
    file.seek(SeekFrom::Start(0)).map_err(io_error)?;
    let magic = &magic[..magic_len];
    if !magic.starts_with(&[0x1f, 0x8b]) {
        return Ok(Box::new(BufReader::with_capacity(BUFFER_CAPACITY, file)));
    }
    if !is_bgzf(magic) {
        return Ok(Box::new(BufReader::with_capacity(
            BUFFER_CAPACITY,
            MultiGzDecoder::new(BufReader::with_capacity(BUFFER_CAPACITY, file)),
        )));
    }
    if !ends_with_eof_marker(&mut file).map_err(io_error)? {
        return Err(Error::Parse {
            path: path.to_owned(),
            line: None,
            message: "the BGZF end-of-file marker is missing: the file is truncated".to_owned(),
        });
    }
    file.seek(SeekFrom::Start(0)).map_err(io_error)?;
    Ok(Box::new(bgzf::io::Reader::new(BufReader::with_capacity(
        BUFFER_CAPACITY,
        file,
    ))))
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// A gzip member header with the `BC` extra subfield that makes it a BGZF block.
fn is_bgzf(header: &[u8]) -> bool {
    const FEXTRA: u8 = 0x04;
    header.len() == 18
        && header[3] & FEXTRA != 0
        && u16::from_le_bytes([header[10], header[11]]) >= 6
        && header[12..14] == *b"BC"
}

fn ends_with_eof_marker(file: &mut File) -> io::Result<bool> {
    let len = file.seek(SeekFrom::End(0))?;
    if len < BGZF_EOF.len() as u64 {
        return Ok(false);
    }
    file.seek(SeekFrom::End(-(BGZF_EOF.len() as i64)))?;
    let mut tail = [0_u8; BGZF_EOF.len()];
    file.read_exact(&mut tail)?;
    Ok(tail == BGZF_EOF)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn eof_marker_matches_noodles_writer() {
        let mut writer = bgzf::io::Writer::new(Vec::new());
        writer.write_all(b"x").expect("write");
        let data = writer.finish().expect("finish");
        assert!(data.ends_with(&BGZF_EOF));
        assert!(is_bgzf(&data[..18]));
    }
}
