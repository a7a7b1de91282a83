//! Receipts through CUPS: the receipt as a PDF, handed to the queue with `lp` and followed
//! with `lpstat` until it has printed.
//!
//! The command-line tools rather than an IPP library: they are on every machine that has
//! CUPS, they speak to the local scheduler or a remote one (`-h`), and their answers in the C
//! locale are stable. The PDF goes through standard input, so no copy of the receipt is
//! written to the kiosk's disk by us.

use super::pdf::{self, Paper};
use super::{PrintError, PrintedReceipt};
use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A CUPS queue, on the local scheduler or on `server` ("host:port").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queue {
    pub server: Option<String>,
    pub name: String,
    /// How long a job may take to leave the queue: a person waits at the kiosk. A job still
    /// there is cancelled, so it cannot print later for nobody.
    pub job_deadline: Duration,
}

pub const JOB_DEADLINE: Duration = Duration::from_secs(25);
/// How long one `lp` or `lpstat` may run.
const COMMAND_DEADLINE: Duration = Duration::from_secs(10);

impl Queue {
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        // Answers are parsed: keep them in English whatever the kiosk's locale.
        command.env("LC_ALL", "C").env("LANG", "C");
        if let Some(server) = &self.server {
            command.arg("-h").arg(server);
        }
        command
    }

    /// Whether the queue can print now.
    pub fn check(&self) -> Result<(), PrintError> {
        let output = run(self.command("lpstat").args(["-l", "-p", &self.name]), None)?;
        let text = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            let errors = String::from_utf8_lossy(&output.stderr);
            return Err(if errors.contains("Invalid destination") {
                PrintError::NoSuchQueue(self.name.clone())
            } else {
                PrintError::Offline
            });
        }
        state_of(&text)
    }

    /// Prints `receipt` on `paper` and waits until the job has left the queue.
    pub fn print(&self, receipt: &PrintedReceipt, paper: Paper) -> Result<(), PrintError> {
        self.check()?;
        let (document, height) = pdf::render(receipt, paper)?;
        let media = format!("media={}", paper.media(height));
        let output = run(
            self.command("lp")
                .args(["-d", &self.name, "-t", "Sportello", "-o", &media])
                .arg("-"),
            Some(&document),
        )?;
        if !output.status.success() {
            return Err(PrintError::Rejected(
                String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            ));
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let job = job_id(&stdout).ok_or_else(|| PrintError::Rejected(stdout.trim().to_owned()))?;
        self.wait(job)
    }

    /// Follows `job` until it has left the queue. Whatever goes wrong meanwhile (the printer
    /// stops, the deadline passes, the scheduler stops answering) the job is cancelled: a
    /// receipt must not come out later, for nobody.
    fn wait(&self, job: &str) -> Result<(), PrintError> {
        let outcome = self.follow(job);
        if outcome.is_err() {
            let _ = run(self.command("cancel").arg(job), None);
        }
        outcome
    }

    fn follow(&self, job: &str) -> Result<(), PrintError> {
        let started = Instant::now();
        loop {
            let pending = run(
                self.command("lpstat")
                    .args(["-W", "not-completed", "-o", &self.name]),
                None,
            )?;
            // No answer is not "done": only a list without the job is.
            if !pending.status.success() {
                return Err(PrintError::Offline);
            }
            if !listed(&String::from_utf8_lossy(&pending.stdout), job) {
                return self.finished(job);
            }
            self.check()?;
            if started.elapsed() > self.job_deadline {
                return Err(PrintError::Offline);
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// A job that left the queue printed, unless CUPS aborted or cancelled it (a filter or the
    /// device failed) or the printer stopped on it.
    fn finished(&self, job: &str) -> Result<(), PrintError> {
        let done = run(
            self.command("lpstat")
                .args(["-l", "-W", "completed", "-o", &self.name]),
            None,
        )?;
        if let Some(reasons) = job_alerts(&String::from_utf8_lossy(&done.stdout), job)
            && reasons
                .split_whitespace()
                .any(|reason| reason.contains("abort") || reason.contains("cancel"))
        {
            return Err(PrintError::Rejected(reasons));
        }
        self.check()
    }
}

/// Whether `lpstat -o` lists `job`.
fn listed(lpstat: &str, job: &str) -> bool {
    lpstat
        .lines()
        .any(|line| line.split_whitespace().next() == Some(job))
}

/// The "Alerts:" of `job` in `lpstat -l -o`: its IPP job-state-reasons.
fn job_alerts(lpstat: &str, job: &str) -> Option<String> {
    let mut lines = lpstat.lines();
    lines.find(|line| line.split_whitespace().next() == Some(job))?;
    lines
        .take_while(|line| line.starts_with(char::is_whitespace))
        .find_map(|line| line.trim().strip_prefix("Alerts:"))
        .map(|alerts| alerts.trim().to_owned())
}

/// The printer's state from `lpstat -l -p`: disabled, out of paper, or ready.
fn state_of(lpstat: &str) -> Result<(), PrintError> {
    let alerts = lpstat
        .lines()
        .filter_map(|line| line.trim().strip_prefix("Alerts:"))
        .flat_map(str::split_whitespace);
    for alert in alerts {
        if alert.starts_with("media-empty") || alert.starts_with("media-needed") {
            return Err(PrintError::OutOfPaper);
        }
        if alert.starts_with("offline") || alert.starts_with("paused") {
            return Err(PrintError::Offline);
        }
    }
    let first = lpstat.lines().next().unwrap_or_default();
    if first.contains(" disabled ") {
        return Err(PrintError::Offline);
    }
    Ok(())
}

/// The job's id in `lp`'s answer: "request id is Queue-12 (1 file(s))".
fn job_id(lp: &str) -> Option<&str> {
    lp.split("request id is ").nth(1)?.split_whitespace().next()
}

/// Runs `command`, feeding it `input`, and gives up after [`COMMAND_DEADLINE`]. Its output is
/// read while it runs, so a long answer cannot fill the pipe and stall it.
fn run(command: &mut Command, input: Option<&[u8]>) -> Result<Output, PrintError> {
    let mut child = command
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(PrintError::Unreachable)?;
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|pipe| Box::new(pipe) as _));
    let stderr = drain(child.stderr.take().map(|pipe| Box::new(pipe) as _));
    // Written from a thread too: a command that stops reading must not stall the kiosk past
    // the deadline. The pipe closes when the thread ends: the command sees the end of input.
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(PrintError::Unreachable)? {
            break status;
        }
        if started.elapsed() > COMMAND_DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            return Err(PrintError::Offline);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ok(Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lpstat_answers_become_printer_states() {
        let idle = "printer Receipts is idle.  enabled since Thu 26 Nov 2026 09:00:00\n\
                    \tAlerts: none\n\tDescription: Receipts\n";
        assert!(state_of(idle).is_ok());
        let empty = "printer Receipts is idle.  enabled since Thu 26 Nov 2026\n\
                     \tAlerts: media-empty-error media-empty-warning\n";
        assert!(matches!(state_of(empty), Err(PrintError::OutOfPaper)));
        let disabled = "printer Receipts disabled since Thu 26 Nov 2026 -\n\
                        \treason unknown\n";
        assert!(matches!(state_of(disabled), Err(PrintError::Offline)));
        let offline = "printer Receipts is idle.  enabled since x\n\tAlerts: offline-report\n";
        assert!(matches!(state_of(offline), Err(PrintError::Offline)));
    }

    #[test]
    fn a_finished_jobs_reasons_are_read_from_lpstat() {
        let done = "Receipts-1   root   36864   Thu 26 Nov 2026 00:41:07\n\
                    \tStatus: \n\tAlerts: processing-to-stop-point\n\tqueued for Receipts\n\
                    Receipts-2   root   36864   Thu 26 Nov 2026 00:42:07\n\
                    \tStatus: \n\tAlerts: job-aborted-by-system\n";
        assert_eq!(
            job_alerts(done, "Receipts-1").as_deref(),
            Some("processing-to-stop-point")
        );
        assert_eq!(
            job_alerts(done, "Receipts-2").as_deref(),
            Some("job-aborted-by-system")
        );
        assert_eq!(job_alerts(done, "Receipts-3"), None);
        assert!(listed(done, "Receipts-2") && !listed(done, "Receipts-20"));
    }

    #[test]
    fn the_job_id_is_read_from_lp() {
        assert_eq!(
            job_id("request id is Receipts-12 (1 file(s))\n"),
            Some("Receipts-12")
        );
        assert_eq!(job_id("lp: error"), None);
    }
}
