//! One writer task for intake that commits the requests waiting at each moment
//! together (group commit): durability then costs one fsync per batch instead of
//! one per request, which is what lets intake keep up with a burst. A request is
//! answered only when its batch has committed, so nothing acknowledged is lost;
//! a unit that fails in a batch is rolled back alone (a savepoint) and reported
//! to its own caller.
//!
//! The queue in front of the writer is bounded: when it is full a submission is
//! refused at once (`AppError::Busy`) rather than waiting without end, so a flood
//! costs the server a bounded amount of memory and work.

use tokio::sync::{mpsc, oneshot};
use torchlight_store::{SharedStore, StoreError, UnitOfWork};

use crate::AppError;

/// Units committed in one transaction at most.
const MOST_IN_BATCH: usize = 128;

struct Job {
    unit: UnitOfWork,
    done: oneshot::Sender<Result<(), StoreError>>,
}

/// The sending side; the task stops when it is dropped.
pub(crate) struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer task on the current Tokio runtime.
    pub(crate) fn start(store: SharedStore, queue: usize) -> Writer {
        let (jobs, receiver) = mpsc::channel(queue.max(1));
        tokio::spawn(run(store, receiver));
        Writer { jobs }
    }

    /// Commits `unit` with whatever else is waiting. `Busy` when the queue is full.
    pub(crate) async fn commit(&self, unit: UnitOfWork) -> Result<(), AppError> {
        let (done, result) = oneshot::channel();
        self.jobs
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

async fn run(store: SharedStore, mut receiver: mpsc::Receiver<Job>) {
    let mut batch: Vec<Job> = Vec::with_capacity(MOST_IN_BATCH);
    while receiver.recv_many(&mut batch, MOST_IN_BATCH).await > 0 {
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
