//! One writer task for intake that commits the requests waiting at each moment
//! together (group commit): durability then costs one fsync per batch instead of
//! one per request, which is what lets intake keep up with a burst. A request is
//! answered only when its batch has committed, so nothing acknowledged is lost;
//! a unit that fails in a batch is reported to its own caller alone
//! (`Store::commit_batch`).
//!
//! The queues in front of the writer are bounded: when one is full a unit is
//! refused at once (`AppError::Busy`) rather than waiting without end, so a flood
//! costs the server a bounded amount of memory and work. There are two: what a
//! defender does on the status page (a look-up, a reply, a withdrawal) goes
//! before submissions, so a flood of submissions delays a look-up by one batch at
//! most instead of by the whole queue.

use tokio::sync::{mpsc, oneshot};
use torchlight_store::{SharedStore, StoreError, UnitOfWork};

use crate::AppError;

/// Units committed in one transaction at most.
const MOST_IN_BATCH: usize = 128;

struct Job {
    unit: UnitOfWork,
    done: oneshot::Sender<Result<(), StoreError>>,
}

/// Which queue a unit waits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lane {
    /// A new request.
    Submission,
    /// What a defender does with a request they have: first served.
    StatusPage,
    /// A staff page's view that changes nothing (the triage queue, the
    /// follow-ups): recorded, with no signature of its own needed, in the status
    /// page's batches, so that views at the same moment share one commit.
    StaffView,
}

/// The sending side; the task stops when it is dropped.
pub(crate) struct Writer {
    submissions: mpsc::Sender<Job>,
    status_page: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer task on the current Tokio runtime, with room for
    /// `submissions` and `status_page` units waiting.
    pub(crate) fn start(store: SharedStore, submissions: usize, status_page: usize) -> Writer {
        let (submission_jobs, submission_queue) = mpsc::channel(submissions.max(1));
        let (status_jobs, status_queue) = mpsc::channel(status_page.max(1));
        tokio::spawn(run(store, status_queue, submission_queue));
        Writer {
            submissions: submission_jobs,
            status_page: status_jobs,
        }
    }

    /// Commits `unit` with whatever else is waiting. `Busy` when its queue is full.
    pub(crate) async fn commit(&self, lane: Lane, unit: UnitOfWork) -> Result<(), AppError> {
        let (done, result) = oneshot::channel();
        let queue = match lane {
            Lane::Submission => &self.submissions,
            Lane::StatusPage | Lane::StaffView => &self.status_page,
        };
        queue
            .try_send(Job { unit, done })
            .map_err(|error| match error {
                mpsc::error::TrySendError::Full(_) => AppError::Busy,
                mpsc::error::TrySendError::Closed(_) => {
                    AppError::Internal("the intake writer has stopped".into())
                }
            })?;
        match result.await {
            Ok(committed) => Ok(committed?),
            Err(_) => Err(AppError::Internal(
                "the intake writer stopped before answering".into(),
            )),
        }
    }
}

async fn run(store: SharedStore, mut first: mpsc::Receiver<Job>, mut then: mpsc::Receiver<Job>) {
    let mut batch: Vec<Job> = Vec::with_capacity(MOST_IN_BATCH);
    loop {
        // Wait for anything, the status page's queue first; both close together
        // (the `Writer` holds both senders), and a closed queue yields nothing.
        let job = tokio::select! {
            biased;
            job = first.recv() => job,
            job = then.recv() => job,
        };
        let Some(job) = job else {
            return;
        };
        batch.push(job);
        // Then fill the batch with what else waits, in the same order.
        for queue in [&mut first, &mut then] {
            while batch.len() < MOST_IN_BATCH {
                match queue.try_recv() {
                    Ok(job) => batch.push(job),
                    Err(_) => break,
                }
            }
        }
        let (units, answers): (Vec<UnitOfWork>, Vec<_>) =
            batch.drain(..).map(|job| (job.unit, job.done)).unzip();
        let results = store.commit_batch(units).await;
        for (answer, result) in answers.into_iter().zip(results) {
            // A caller that has gone (its connection closed) needs no answer; what
            // it sent is committed all the same.
            let _ = answer.send(result);
        }
    }
}
