// `/api/auth/` sign-up, sign-in and password flows: registration, codes, login, token refresh, logout, password reset.
import type { z } from 'zod';
import type { ServerCore } from '../core.js';
import { caller } from '../http/caller.js';
import { operation, type Endpoint, type Operation } from '../http/route-table.js';
import { CodeCooldown } from './code-cooldown.js';
import { CodeLimits } from './code-limits.js';
import { FailedLogins } from './failed-logins.js';
import { Login } from './login.js';
import { OneTimeCodes } from './one-time-codes.js';
import { PasswordReset } from './password-reset.js';
import { Registration } from './registration.js';
import { codeBody, emailBody, loginBody, refreshBody, registerBody, resendBody, resetBody } from './schemas.js';
import { Sessions } from './sessions.js';
import { presentSignedIn } from './user-presenter.js';
import { userEndpoints } from './user-routes.js';

const MESSAGES = {
  registered: 'Thank you for registering. Please check your email for your 6-digit verification code.',
  verified: 'Your email address is verified. You are now signed in.',
  registrationCodeSent: 'If this address is waiting for a verification code, a new one is on its way. It is valid for 10 minutes.',
  resetCodeSent: 'If an account exists for this address, a password reset code is on its way. It is valid for 10 minutes.',
  resetCodeValid: 'The code is valid. You can now choose a new password.',
  passwordReset: 'Your password has been reset. Please sign in with your new password.',
};

interface AnonymousPost<Body extends z.ZodType> {
  key: string;
  path: string;
  doc: Record<string, unknown>;
  summary: string;
  body: Body;
  status?: number;
  handler: Operation<Body>['handler'];
}

/** The sign-up, sign-in and password endpoints: open to anyone, so each is throttled per client IP (RATE_LIMIT_AUTH). */
function anonymousPost<Body extends z.ZodType>({ key, path, doc, ...post }: AnonymousPost<Body>): Endpoint {
  return { key, section: 'authentication', path, doc, methods: { POST: operation({ access: 'anyone', throttle: 'auth', ...post }) } };
}

export function authEndpoints(core: ServerCore): Endpoint[] {
  const codes = new OneTimeCodes(core, new CodeLimits(core));
  const cooldown = new CodeCooldown(core.clock);
  const failedLogins = new FailedLogins(core.config.failedLoginLimit, () => core.clock.now().getTime());
  const sessions = new Sessions(core);
  const registration = new Registration(core, codes, cooldown, sessions);
  const passwordReset = new PasswordReset(core, codes, cooldown, failedLogins);
  const login = new Login(core, sessions, failedLogins);

  return [
    anonymousPost({
      key: 'register',
      path: '/api/auth/register/',
      doc: {
        description: 'Register a new user and send verification OTP',
        required_fields: ['email', 'first_name', 'last_name', 'password', 'password2'],
        example_request: {
          email: 'user@example.com',
          first_name: 'John',
          last_name: 'Doe',
          phone_number: '+1234567890',
          password: 'SecurePassword123',
          password2: 'SecurePassword123',
        },
      },
      summary: 'Register and receive a verification code by mail',
      body: registerBody,
      status: 201,
      handler: async ({ body }) => {
        await registration.register({ ...body, phone_number: body.phone_number ?? null });
        return { status: 201, body: { message: MESSAGES.registered, email: body.email } };
      },
    }),
    anonymousPost({
      key: 'verify_otp',
      path: '/api/auth/verify-otp/',
      doc: {
        description: 'Verify email address using OTP',
        required_fields: ['email', 'otp'],
        example_request: { email: 'user@example.com', otp: '123456' },
      },
      summary: 'Verify the email address with the mailed code; signs the client in',
      body: codeBody,
      handler: async ({ body }) => ({
        body: { message: MESSAGES.verified, ...presentSignedIn(await registration.verify(body.email, body.otp)) },
      }),
    }),
    anonymousPost({
      key: 'login',
      path: '/api/auth/login/',
      doc: {
        description: 'Authenticate user and return JWT tokens',
        required_fields: ['email', 'password'],
        example_request: { email: 'user@example.com', password: 'SecurePassword123' },
      },
      summary: 'Sign in: an access and a refresh token, and the user',
      body: loginBody,
      handler: async ({ body, request }) => ({ body: presentSignedIn(await login.login(body.email, body.password, request.ip)) }),
    }),
    anonymousPost({
      key: 'resend_otp',
      path: '/api/auth/resend-otp/',
      doc: {
        description: 'Resend OTP for email verification or password reset',
        required_fields: ['email'],
        optional_fields: ['context (registration/password_reset)'],
        example_request: { email: 'user@example.com', context: 'registration' },
      },
      summary: 'Send a new code (one per address and purpose per minute)',
      body: resendBody,
      handler: async ({ body }) => {
        if (body.context === 'password_reset') {
          await passwordReset.sendCode(body.email);
          return { body: { message: MESSAGES.resetCodeSent } };
        }
        await registration.resendCode(body.email);
        return { body: { message: MESSAGES.registrationCodeSent } };
      },
    }),
    anonymousPost({
      key: 'forgot_password',
      path: '/api/auth/forgot-password/',
      doc: {
        description: 'Initiate password reset process',
        required_fields: ['email'],
        example_request: { email: 'user@example.com' },
      },
      summary: 'Mail a password reset code',
      body: emailBody,
      handler: async ({ body }) => {
        await passwordReset.sendCode(body.email);
        return { body: { message: MESSAGES.resetCodeSent } };
      },
    }),
    anonymousPost({
      key: 'verify_password_reset_otp',
      path: '/api/auth/verify-password-reset-otp/',
      doc: {
        description: 'Verify OTP for password reset',
        required_fields: ['email', 'otp'],
        example_request: { email: 'user@example.com', otp: '123456' },
      },
      summary: 'Check a password reset code without using it up',
      body: codeBody,
      handler: async ({ body }) => {
        await passwordReset.checkCode(body.email, body.otp);
        return { body: { message: MESSAGES.resetCodeValid } };
      },
    }),
    anonymousPost({
      key: 'reset_password',
      path: '/api/auth/reset-password/',
      doc: {
        description: 'Reset password after OTP verification',
        required_fields: ['email', 'otp', 'new_password', 'confirm_password'],
        example_request: {
          email: 'user@example.com',
          otp: '123456',
          new_password: 'NewSecurePassword123',
          confirm_password: 'NewSecurePassword123',
        },
      },
      summary: 'Set a new password with the code; signs out every device',
      body: resetBody,
      handler: async ({ body, request }) => {
        await passwordReset.reset(body, request.ip);
        return { body: { message: MESSAGES.passwordReset } };
      },
    }),
    anonymousPost({
      key: 'token_refresh',
      path: '/api/auth/token/refresh/',
      doc: {
        description: 'Refresh access token using refresh token',
        required_fields: ['refresh'],
        example_request: { refresh: 'your_refresh_token_here' },
      },
      summary: 'Exchange a refresh token for a new pair (the old one is dead afterwards)',
      body: refreshBody,
      handler: async ({ body }) => ({ body: await sessions.rotate(body.refresh) }),
    }),
    {
      key: 'logout',
      section: 'authentication',
      path: '/api/auth/logout/',
      doc: {
        description: 'Log out: end the session of the given refresh token, its access token included (Authenticated users only)',
        required_fields: ['refresh'],
        example_request: { refresh: 'your_refresh_token_here' },
      },
      methods: {
        POST: operation({
          access: 'user',
          summary: 'End the session of the given refresh token and its access token',
          body: refreshBody,
          status: 205,
          handler: async ({ body, principal }) => {
            await sessions.close(caller(principal).id, body.refresh);
            return { status: 205 };
          },
        }),
      },
    },
    ...userEndpoints(core),
  ];
}
