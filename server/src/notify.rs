//! Sends the messages queued for people (see `booking::notices`) to the SMS gateway
//! (`--sms-gateway`): one POST of JSON each, retried with growing pauses; a message the gateway
//! keeps refusing goes to the console's list of people to call. The number and the text are
//! never logged.

use crate::db::{Db, DbError, notices};
use sportello_core::agenda_change::{NoticeStatus, SmsMessage};
use std::sync::Arc;
use std::time::Duration;

/// How often the queue is looked at.
const EVERY: Duration = Duration::from_secs(5);
/// Tries before a message is left to staff to call.
const MAX_ATTEMPTS: i64 = 8;

/// Delivers due messages until the process ends.
pub async fn run(db: Db, clock: Arc<dyn crate::clock::Clock>, gateway: reqwest::Url) {
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .build()
    {
        Ok(client) => client,
        Err(err) => {
            tracing::error!(error = %err, "cannot build the SMS gateway's client");
            return;
        }
    };
    loop {
        if let Err(err) = deliver_due(&db, clock.now(), &client, &gateway).await {
            tracing::warn!(error = %err, "cannot deliver messages; will retry");
        }
        tokio::time::sleep(EVERY).await;
    }
}

/// One round: every message due, one POST each.
pub async fn deliver_due(
    db: &Db,
    now: jiff::Timestamp,
    client: &reqwest::Client,
    gateway: &reqwest::Url,
) -> Result<usize, DbError> {
    let due = {
        let mut conn = db.conn().await?;
        notices::due(&mut conn, now.as_second(), 50).await?
    };
    let mut sent = 0;
    for (notice, attempts) in due {
        let message = SmsMessage {
            to: notice.phone.clone(),
            text: notice.text.clone(),
            reference: format!("sportello-{}", notice.id),
        };
        let delivered = client
            .post(gateway.clone())
            .json(&message)
            .send()
            .await
            .is_ok_and(|response| response.status().is_success());
        let (status, next) = if delivered {
            sent += 1;
            (NoticeStatus::Sent, now.as_second())
        } else if attempts + 1 >= MAX_ATTEMPTS {
            tracing::warn!(
                notice = notice.id,
                "the SMS gateway refused a message: left to call"
            );
            (NoticeStatus::ToCall, now.as_second())
        } else {
            // 30 s, 1 min, 2 min, … about two hours in all.
            (
                NoticeStatus::Pending,
                now.as_second() + (30 << attempts.min(10)),
            )
        };
        let mut tx = db.begin_write().await?;
        notices::set_status(&mut tx, notice.id, None, status, next).await?;
        tx.commit().await?;
    }
    Ok(sent)
}
