// The JSON shapes of the practice API, declared once: the server's presenters return them, the renderer reads them.
// Types only (no runtime code), so both TypeScript projects include this file and neither side imports the other.

export type AppointmentStatus = 'pending_review' | 'scheduled' | 'rejected' | 'cancelled';
export type TimeSlot = 'morning' | 'afternoon' | 'evening';
export type MeetingStatus = 'pending' | 'rejected' | 'cancelled' | 'scheduled' | 'active' | 'completed';
export type CancelledBy = 'client' | 'staff' | 'reschedule';
export type Attendance = 'attended' | 'no_show';
export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'expired';

/** A list page as Django REST Framework pages it. */
export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface Message {
  message: string;
}

/** An account as every screen sees it: never a hash, code or token. */
export interface User {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  phone_number: string | null;
  is_active: boolean;
  is_staff: boolean;
  is_verified: boolean;
  date_joined: string;
  last_login: string | null;
  /** The client's IANA time zone (set from the browser), or null. */
  time_zone: string | null;
}

export interface TokenPair {
  access: string;
  refresh: string;
}

export interface SignedIn extends TokenPair {
  user: User;
}

/** `GET /api/auth/all-users/`: the seed's shape, a page whose list is called `users`. */
export interface UserList {
  users: User[];
  count: number;
  next: string | null;
  previous: string | null;
}

/** The account behind a booking: staff screens show it first, and the typed contact only where it differs. */
export interface BookingAccount {
  first_name: string;
  last_name: string;
  email: string;
}

export interface Appointment {
  id: string;
  user: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  reason: string | null;
  preferred_dates: string[];
  preferred_time_slots: TimeSlot[];
  status: AppointmentStatus;
  status_display: string;
  scheduled_datetime: string | null;
  scheduled_duration: number | null;
  rejection_reason: string | null;
  jitsi_meet_url: string | null;
  jitsi_room_id: string | null;
  has_jitsi_meeting: boolean;
  can_join_meeting: boolean;
  meeting_status: MeetingStatus;
  cancelled_at: string | null;
  cancelled_by: CancelledBy | null;
  cancellation_reason: string | null;
  late_cancellation: boolean;
  attendance: Attendance | null;
  reschedule_of: string | null;
  requested_start: string | null;
  series_id: string | null;
  client_time_zone: string | null;
  /** Staff views only; null where the caller is the client. */
  account: BookingAccount | null;
  contact_differs: boolean;
  created_at: string;
  updated_at: string;
}

export interface MeetingInfo {
  meeting_url: string | null;
  room_id: string | null;
  scheduled_time: string;
  duration: string;
  can_join: boolean;
  meeting_status: MeetingStatus;
  join_instructions: string;
}

export interface WeekTrend {
  week_start: string;
  requests: number;
  scheduled: number;
  rejected: number;
  cancelled: number;
  late_cancelled: number;
  attended: number;
  no_show: number;
}

/** What anyone may know of the practice: its names, its zone and its cancellation notice (`GET /api/meetings/practice/`). */
export interface PracticeInfo {
  practice_name: string;
  therapist_name: string | null;
  practice_timezone: string;
  cancellation_notice_hours: number;
}

export interface AppointmentStats {
  total_requests: number;
  pending_review: number;
  scheduled: number;
  rejected: number;
  completed: number;
  completion_rate: number;
  cancelled: number;
  late_cancelled: number;
  no_show: number;
  attended: number;
  trend: WeekTrend[];
}

export interface WeeklyAvailability {
  available_days: number[];
  available_days_display: string[];
  /** Weekday ("0"=Monday … "6") → ordered local intervals ["HH:MM", "HH:MM"]; available_days are the days listed. */
  hours: Record<string, [string, string][]>;
  session_minutes: number;
  buffer_minutes: number;
  min_notice_hours: number;
  booking_horizon_days: number;
  /** A request for a free slot is scheduled at once (mail, Jitsi room). */
  auto_confirm: boolean;
  updated_at: string | null;
}

/** A free start a client may request (appointments/available-slots/). */
export interface AvailableSlot {
  start: string;
  end: string;
  /** The practice-zone day of the start. */
  date: string;
}

/** One entry of the staff calendar (calendar/). */
export interface CalendarSession {
  id: string;
  kind: 'session' | 'held';
  status: 'scheduled' | 'pending_review' | 'cancelled';
  start: string;
  end: string;
  client_name: string;
  series_id: string | null;
}

export interface CalendarView {
  from: string;
  to: string;
  time_zone: string;
  entries: CalendarSession[];
  blocked_dates: BlockedDate[];
}

export interface BlockedDate {
  date: string;
  note: string | null;
  created_at: string;
}

/** What staff see of a queued, sent or failed mail: never its body. */
export interface OutboxMail {
  id: string;
  recipient: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  next_attempt_at: string | null;
  /** A reminder's moment: it is not sent before. */
  not_before: string | null;
  sent_at: string | null;
}

/** The settings the therapist can change in the app (an environment variable fixes one instead). */
export type SettingKey =
  | 'practice_timezone'
  | 'jitsi_domain'
  | 'smtp_url'
  | 'email_from'
  | 'practice_name'
  | 'therapist_name'
  | 'notify_email'
  | 'cancellation_notice_hours'
  | 'reminder_hours_before'
  | 'address'
  | 'phone'
  | 'website'
  | 'tax_id'
  | 'payment_details'
  | 'currency'
  | 'session_fee'
  | 'late_cancellation_fee'
  | 'no_show_fee'
  | 'auto_confirm'
  | 'feed_full_names';

export type SettingSource = 'environment' | 'database' | 'default';

export interface SettingValue {
  /** The SMTP URL comes with its password masked. */
  value: string | null;
  source: SettingSource;
  editable: boolean;
}

/** `GET/PATCH /api/admin/settings/`: every setting with its source, and what the server knows of its network. */
export type SettingsResponse = Record<SettingKey, SettingValue> & {
  lan_urls: string[];
  tls_enabled: boolean;
  /** The caller's private calendar subscription URL (absolute), null until made (GET /api/admin/settings/ only). */
  calendar_feed_url?: string | null;
};

/** `/api/admin/settings/calendar-feed/`. */
export interface CalendarFeedState {
  calendar_feed_url: string | null;
  feed_full_names: boolean;
}

export interface SetupState {
  needs_setup: boolean;
  settings: SettingsResponse | null;
}

// The client record and billing (clients, session notes, audit log, invoices, export): staff only, except a
// client's own issued invoices.

/** A client in the staff's list: the user object with their session counts. */
export interface Client extends User {
  upcoming_sessions: number;
  past_sessions: number;
  no_shows: number;
  late_cancellations: number;
  last_session: string | null;
  next_session: string | null;
}

export type NoteTemplate = 'soap' | 'dap' | 'free';

/** A note as the client's record lists it: never its text. */
export interface NoteHeader {
  id: string;
  appointment: string;
  template: NoteTemplate;
  signed_at: string | null;
  signed_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NoteAddendum {
  id: string;
  author: string | null;
  text: string;
  created_at: string;
}

/** The note of one session: every field of its template (blank where nothing was written), its signature and addenda. */
export interface SessionNote extends NoteHeader {
  fields: Record<string, string>;
  addenda: NoteAddendum[];
}

export type InvoiceStatus = 'draft' | 'issued' | 'paid' | 'void';
export type BillableKind = 'session' | 'late_cancellation' | 'no_show';

export interface InvoiceLine {
  appointment: string;
  /** The session's day in the practice time zone. */
  date: string | null;
  duration_minutes: number;
  kind: BillableKind;
  description: string;
  amount_minor: number;
}

/** Amounts are integer minor units of `currency` (cents for EUR). */
export interface Invoice {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  client: string;
  currency: string;
  lines: InvoiceLine[];
  total_minor: number;
  issued_at: string | null;
  paid_on: string | null;
  voided_at: string | null;
  created_at: string;
}

/** One client's record as staff see it. */
export interface ClientRecord extends Client {
  fee: string | null;
  sessions: Appointment[];
  notes: NoteHeader[];
  invoices: Invoice[];
}

export interface AuditEvent {
  id: number;
  actor: string | null;
  action: string;
  record_type: string;
  record_id: string;
  created_at: string;
}

/** A records request: the whole record, notes with their text. */
export interface ClientExport {
  exported_at: string;
  practice: { name: string | null; therapist: string | null; address: string | null; time_zone: string };
  client: Client & { fee: string | null };
  sessions: Appointment[];
  notes: SessionNote[];
  invoices: Invoice[];
}
