// The JSON shapes of the practice API (see /work/shared/API-CONTRACT.md), as the renderer reads them.

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
}

export interface TokenPair {
  access: string;
  refresh: string;
}

export interface SignedIn extends TokenPair {
  user: User;
}

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export type AppointmentStatus = 'pending_review' | 'scheduled' | 'rejected';
export type TimeSlot = 'morning' | 'afternoon' | 'evening';
export type MeetingStatus = 'pending' | 'rejected' | 'scheduled' | 'active' | 'completed';

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
  created_at: string;
  updated_at: string;
}

export interface MeetingInfo {
  meeting_url: string;
  room_id: string;
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
}

export interface AppointmentStats {
  total_requests: number;
  pending_review: number;
  scheduled: number;
  rejected: number;
  completed: number;
  completion_rate: number;
  trend?: WeekTrend[];
}

export interface WeeklyAvailability {
  available_days: number[];
  available_days_display: string[];
  updated_at: string | null;
}

export interface BlockedDate {
  date: string;
  note: string | null;
  created_at: string;
}

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxMail {
  id: string;
  recipient: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  next_attempt_at: string | null;
  sent_at: string | null;
}

export type SettingKey = 'practice_timezone' | 'jitsi_domain' | 'smtp_url' | 'email_from';

export interface SettingValue {
  value: string | null;
  source: 'environment' | 'database' | 'default';
  editable: boolean;
}

export type PracticeSettings = Record<SettingKey, SettingValue> & {
  lan_urls: string[];
  /** The server speaks HTTPS (TLS_CERT_FILE/TLS_KEY_FILE); without it LAN clients send passwords in clear. */
  tls_enabled: boolean;
};

export interface SetupState {
  needs_setup: boolean;
  settings: PracticeSettings | null;
}

export interface UserList {
  users: User[];
  count: number;
  next: string | null;
  previous: string | null;
}

export interface Message {
  message: string;
}
