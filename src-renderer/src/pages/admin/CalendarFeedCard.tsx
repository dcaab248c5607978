// The therapist's private calendar subscription: make the link (shown with a copy button and a QR code for the phone),
// choose initials or full names, revoke it. Anyone with the link can read the calendar, so it is shown only here.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { meetingsApi } from '../../api/meetings';
import { QrCode } from '../../components/QrCode';
import { QueryView } from '../../components/States';
import { useToast } from '../../components/Toasts';
import { useAction } from '../../components/useAction';
import { practiceKeys } from '../../features/practice/query-keys';
import { calendarKeys } from '../../features/sessions/query-keys';

export function CalendarFeedCard() {
  const toast = useToast();
  const feed = useQuery({ queryKey: calendarKeys.feed(), queryFn: meetingsApi.calendarFeed });
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const make = useAction({
    run: meetingsApi.makeCalendarFeed,
    done: () => 'A new subscription link is ready; any older link has stopped working.',
    stores: () => calendarKeys.feed(),
    invalidates: [practiceKeys.settings()],
  });
  const names = useAction({
    run: (full: boolean) => meetingsApi.setFeedFullNames(full),
    done: (state) => (state.feed_full_names ? 'The calendar now shows clients’ full names.' : 'The calendar now shows initials only.'),
    stores: () => calendarKeys.feed(),
    // The practice setting feed_full_names, also shown with the settings.
    invalidates: [practiceKeys.settings()],
  });
  const revoke = useAction({
    run: meetingsApi.revokeCalendarFeed,
    done: () => 'The subscription link is revoked; calendars using it stop updating.',
    invalidates: [calendarKeys.feed(), practiceKeys.settings()],
    after: () => setConfirmRevoke(false),
  });
  const copy = (url: string) =>
    navigator.clipboard.writeText(url).then(
      () => toast.success('Link copied.'),
      () => toast.error('Copying is not allowed here: select the link and copy it by hand.'),
    );

  return (
    <section className="card stack" aria-labelledby="feed-title">
      <h2 id="feed-title">Calendar on your phone</h2>
      <p className="muted">
        Subscribe to your sessions in your phone’s or computer’s calendar. The link is private: anyone who has it can read your calendar.
        Events show the time and the client’s initials, never the reason or notes.
      </p>
      <QueryView query={feed}>
        {(state) =>
          state.calendar_feed_url ? (
            <div className="stack">
              <div className="feed-link">
                <QrCode text={state.calendar_feed_url} alt="QR code of the calendar subscription link" />
                <div className="stack">
                  <input
                    className="feed-url"
                    readOnly
                    value={state.calendar_feed_url}
                    aria-label="Calendar subscription link"
                    onFocus={(event) => event.target.select()}
                  />
                  <div className="chips">
                    <button type="button" className="button primary" onClick={() => void copy(state.calendar_feed_url!)}>
                      Copy link
                    </button>
                    <button type="button" className="button" disabled={make.isPending} onClick={() => make.mutate()}>
                      Make a new link
                    </button>
                    {confirmRevoke ? (
                      <button type="button" className="button danger" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
                        Yes, revoke the link
                      </button>
                    ) : (
                      <button type="button" className="button" onClick={() => setConfirmRevoke(true)}>
                        Revoke
                      </button>
                    )}
                  </div>
                </div>
              </div>
              <label className="check-row">
                <input
                  type="checkbox"
                  checked={state.feed_full_names}
                  disabled={names.isPending}
                  onChange={(event) => names.mutate(event.target.checked)}
                />
                Show clients’ full names instead of initials
              </label>
            </div>
          ) : (
            <div>
              <button type="button" className="button primary" disabled={make.isPending} onClick={() => make.mutate()}>
                Make a subscription link
              </button>
            </div>
          )
        }
      </QueryView>
    </section>
  );
}
