//! A private CUPS scheduler for a test: its own configuration, spool and port, with one queue
//! printing to the cups-pdf virtual printer. The machine's own CUPS, if any, is not touched.
//!
//! cups-pdf reads its settings from a fixed place: `scripts/setup.sh` writes the instance
//! `/etc/cups/cups-pdf-sportello.conf`, which puts the PDFs in [`OUTPUT`].

use super::{Process, free_port, wait_until};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Where cups-pdf's `sportello` instance writes what it prints.
pub const OUTPUT: &str = "/var/spool/cups-pdf-sportello";
const INSTANCE: &str = "/etc/cups/cups-pdf-sportello.conf";
pub const QUEUE: &str = "SportelloPDF";

pub struct Cups {
    pub server: String,
    _process: Process,
    _dir: tempfile::TempDir,
}

impl Cups {
    pub fn start() -> Cups {
        assert!(
            Path::new(INSTANCE).exists() && Path::new("/usr/sbin/cupsd").exists(),
            "CUPS and the cups-pdf instance are not set up: the README's test command does it"
        );
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for sub in ["spool", "cache", "state", "log", "ppd"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        let port = free_port();
        let server = format!("127.0.0.1:{port}");
        std::fs::write(
            root.join("cupsd.conf"),
            format!(
                "Listen {server}\nLogLevel warn\nWebInterface No\nBrowsing No\n\
                 DefaultAuthType None\nMaxJobs 0\nPreserveJobFiles No\nPreserveJobHistory Yes\n\
                 <Location />\n  Order allow,deny\n  Allow from 127.0.0.1\n</Location>\n\
                 <Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
            ),
        )
        .unwrap();
        let r = root.display();
        std::fs::write(
            root.join("cups-files.conf"),
            format!(
                "ServerRoot {r}\nRequestRoot {r}/spool\nCacheDir {r}/cache\nStateDir {r}/state\n\
                 TempDir {r}/spool\nErrorLog {r}/log/error_log\nAccessLog {r}/log/access_log\n\
                 PageLog {r}/log/page_log\nPrintcap {r}/printcap\nSandboxing Relaxed\n"
            ),
        )
        .unwrap();
        let process = Process::spawn(
            "cupsd",
            Command::new("/usr/sbin/cupsd")
                .arg("-f")
                .arg("-c")
                .arg(root.join("cupsd.conf"))
                .arg("-s")
                .arg(root.join("cups-files.conf")),
        );
        wait_until(Duration::from_secs(20), "cupsd to answer", || {
            Command::new("lpstat")
                .args(["-h", &server, "-r"])
                .output()
                .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("is running"))
        });
        // pdftocairo turns the PDF into the PostScript cups-pdf takes with the fonts' Unicode
        // maps kept (Ghostscript's default makes Type 3 fonts without them), so the text of the
        // printed PDF can be read back.
        let added = Command::new("lpadmin")
            .args([
                "-h",
                &server,
                "-p",
                QUEUE,
                "-v",
                "cups-pdf:/sportello",
                "-E",
            ])
            .args(["-P", "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"])
            .args(["-o", "pdftops-renderer-default=pdftocairo"])
            .output()
            .unwrap();
        assert!(added.status.success(), "lpadmin: {added:?}");
        Cups {
            server,
            _process: process,
            _dir: dir,
        }
    }

    /// Stops the queue, as a printer switched off or jammed does.
    pub fn disable(&self) {
        let status = Command::new("cupsdisable")
            .args(["-h", &self.server, QUEUE])
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub fn enable(&self) {
        let status = Command::new("cupsenable")
            .args(["-h", &self.server, QUEUE])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Jobs still waiting in `queue`.
    pub fn pending_jobs(&self, queue: &str) -> usize {
        let output = Command::new("lpstat")
            .args(["-h", &self.server, "-W", "not-completed", "-o", queue])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).lines().count()
    }

    /// A queue `name` whose printer takes a job and never finishes it, as a jammed printer
    /// does: a network printer on loopback that reads everything and never hangs up. The
    /// printer lives as long as the returned guard.
    pub fn add_stalled_queue(&self, name: &str) -> std::thread::JoinHandle<()> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let printer = std::thread::spawn(move || {
            let mut held = Vec::new();
            listener.set_nonblocking(true).unwrap();
            let until = std::time::Instant::now() + Duration::from_secs(120);
            while std::time::Instant::now() < until {
                if let Ok((stream, _)) = listener.accept() {
                    stream.set_nonblocking(true).unwrap();
                    held.push(stream);
                }
                for stream in &mut held {
                    let mut sink = [0u8; 4096];
                    let _ = std::io::Read::read(stream, &mut sink);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        let device = format!("socket://127.0.0.1:{port}");
        let added = Command::new("lpadmin")
            .args([
                "-h",
                &self.server,
                "-p",
                name,
                "-v",
                &device,
                "-m",
                "raw",
                "-E",
            ])
            .output()
            .unwrap();
        assert!(added.status.success(), "lpadmin: {added:?}");
        printer
    }
}

/// The PDFs cups-pdf wrote, newest last.
pub fn printed_pdfs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(OUTPUT)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "pdf"))
                .collect()
        })
        .unwrap_or_default();
    files.sort_by_key(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok());
    files
}

/// Empties the output folder (the instance is shared by every run on this machine).
pub fn clear_output() {
    for file in printed_pdfs() {
        let _ = std::fs::remove_file(file);
    }
}

/// The PDF's text, by poppler's pdftotext.
pub fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

/// The QR codes zbar finds in the PDF's first page, rendered at 200 dpi.
pub fn pdf_qr_codes(pdf: &Path) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let rendered = Command::new("pdftoppm")
        .args(["-r", "200", "-png", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(rendered.success());
    let png = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "png"))
        .expect("a rendered page");
    let output = Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(&png)
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}
