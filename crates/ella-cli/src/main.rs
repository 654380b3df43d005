//! `ella-cli`: ELLA's administration command line.
fn main() {}
