// The /api/auth/ and /api/setup/ calls: sign-up, sign-in, codes, password reset, profile, users.
import { request } from './client';
import type { Message, SetupState, SignedIn, User, UserList } from '@shared/api-types';

export interface RegisterInput {
  email: string;
  first_name: string;
  last_name: string;
  phone_number: string;
  password: string;
  password2: string;
}

export type CodeContext = 'registration' | 'password_reset';

const anonymous = { auth: false } as const;

export const authApi = {
  register: (input: RegisterInput) =>
    request<Message & { email: string }>('/api/auth/register/', { ...anonymous, method: 'POST', body: input }),
  verifyOtp: (email: string, otp: string) =>
    request<Message & SignedIn>('/api/auth/verify-otp/', { ...anonymous, method: 'POST', body: { email, otp } }),
  login: (email: string, password: string) =>
    request<SignedIn>('/api/auth/login/', { ...anonymous, method: 'POST', body: { email, password } }),
  resendOtp: (email: string, context: CodeContext) =>
    request<Message>('/api/auth/resend-otp/', { ...anonymous, method: 'POST', body: { email, context } }),
  forgotPassword: (email: string) => request<Message>('/api/auth/forgot-password/', { ...anonymous, method: 'POST', body: { email } }),
  verifyResetCode: (email: string, otp: string) =>
    request<Message>('/api/auth/verify-password-reset-otp/', { ...anonymous, method: 'POST', body: { email, otp } }),
  resetPassword: (body: { email: string; otp: string; new_password: string; confirm_password: string }) =>
    request<Message>('/api/auth/reset-password/', { ...anonymous, method: 'POST', body }),
  logout: (refresh: string) => request<void>('/api/auth/logout/', { method: 'POST', body: { refresh } }),
  profile: () => request<{ user: User }>('/api/auth/profile/'),
  updateProfile: (body: Partial<Pick<User, 'first_name' | 'last_name' | 'phone_number' | 'time_zone'>>) =>
    request<{ user: User }>('/api/auth/profile/update/', { method: 'PATCH', body }),
  users: (search: string, page: number) => request<UserList>('/api/auth/all-users/', { query: { search, page } }),
  toggleActive: (id: string) => request<Message & { user: User }>(`/api/auth/activate-deactivate-user/${id}/`, { method: 'POST' }),
  deleteUser: (id: string) => request<Message & { user: User }>(`/api/auth/delete-user/${id}/`, { method: 'DELETE' }),
};

export interface SetupInput {
  /** The one-time secret the server shows on the practice computer (the desktop window passes it itself). */
  setup_secret: string;
  email: string;
  password: string;
  password2: string;
  first_name: string;
  last_name: string;
  practice_timezone?: string;
  jitsi_domain?: string;
  smtp_url?: string;
  email_from?: string;
}

export const setupApi = {
  state: () => request<SetupState>('/api/setup/', anonymous),
  complete: (input: SetupInput) => request<Message & { user: User }>('/api/setup/', { ...anonymous, method: 'POST', body: input }),
};
