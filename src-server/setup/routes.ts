// `/api/setup/`: first-run setup of the practice, answered only on the practice computer itself.
//
// Request/response shapes (for the setup screen):
//
//   GET  /api/setup/
//     200 { needs_setup: true,
//           settings: { practice_timezone | jitsi_domain | smtp_url | email_from:
//                       { value: string | null, source: 'environment' | 'database' | 'default', editable: boolean },
//                       lan_urls: string[], tls_enabled: boolean } }
//     200 { needs_setup: false, settings: null }            once a staff account exists
//
//   POST /api/setup/
//     { setup_secret, email, password, password2, first_name?, last_name?,
//       practice_timezone?, jitsi_domain?, smtp_url?, email_from? }     (settings: string, or null/'' for the default;
//                                                                       a setting with editable=false must be left out)
//     setup_secret: the one-time secret the server makes at start while no staff account exists (XXXX-XXXX-XXXX-XXXX,
//                   any case, dashes optional): printed on the headless server's console and written to its log;
//                   in the desktop app the window gets it from `window.practiceDesktop.setupSecret()`. A plain TCP
//                   forwarder (ssh -R, ngrok tcp, socat) makes a stranger look local; the secret is what they lack.
//     201 { message, user }          the therapist's staff account (the contract's user object); sign in next
//                                    with POST /api/auth/login/ and the same email and password
//     400 { field: [messages] }      weak password (create-admin's rules), bad email, password2 mismatch (on
//                                    `password`), bad setting value; no account is created (settings are
//                                    checked first: with a bad one nothing is stored), setup stays open
//     403 { detail, code: 'setup_secret_invalid' }   the setup secret is missing or wrong (compared in constant time)
//     429 { detail, code: 'throttled' }        after 5 wrong setup secrets in a minute, from anywhere, for a minute
//     409 { detail, code: 'already_set_up' }   a staff account exists
//
//   Both methods: 403 { detail } from any other machine, through a proxy or tunnel (any X-Forwarded-* header),
//   or when the Host header is not a loopback name (a web page using DNS rebinding cannot claim the practice).
import { z } from 'zod';
import type * as Api from '../../src-shared/api-types.js';
import type { ServerCore } from '../core.js';
import { presentUser } from '../auth/user-presenter.js';
import { PermissionDenied, ValidationError } from '../http/errors.js';
import { email, text } from '../http/fields.js';
import { operation, type Endpoint, type RequestInfo } from '../http/route-table.js';
import { presentSettings } from '../settings/presenter.js';
import { settingChanges, settingsPatch } from '../settings/schemas.js';
import { SETTING_KEYS } from '../settings/setting-rules.js';
import { Throttle } from '../http/throttle.js';
import { PracticeSetup } from './service.js';
import type { SetupSecret } from './setup-secret.js';

const setupRequest = settingsPatch.extend({
  setup_secret: z.string().max(100).optional(),
  email,
  password: z.string().max(256),
  password2: z.string().max(256),
  // Optional as in create-admin: a blank first name becomes "Therapist".
  first_name: text(150, { min: 0 }).optional(),
  last_name: text(150, { min: 0 }).optional(),
});

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The router's `local` access already demands a direct loopback connection; a page in the therapist's own
 * browser reaching 127.0.0.1 under a foreign name (DNS rebinding) still arrives with that name as Host.
 */
function requireLoopbackHost(request: RequestInfo): void {
  if (!LOOPBACK_HOSTS.has(new URL(request.origin).hostname)) {
    throw new PermissionDenied('This is only possible on the practice computer itself.');
  }
}

/** Wrong setup secrets allowed per minute, from all callers together. */
const SETUP_SECRET_GUESSES_PER_MINUTE = 5;

export function setupEndpoints(core: ServerCore, lanUrls: () => string[], secret: SetupSecret): Endpoint[] {
  const setup = new PracticeSetup(core, secret, new Throttle(SETUP_SECRET_GUESSES_PER_MINUTE, 60));
  return [
    {
      key: 'setup',
      section: 'administration',
      path: '/api/setup/',
      doc: {
        description:
          "First-run setup: creates the therapist's staff account and the practice settings, only while no staff account exists, " +
          "only on the practice computer itself, and only with the one-time setup secret that the server prints on its console and log at start (the desktop app's window has it already)",
        required_fields: ['setup_secret', 'email', 'password', 'password2'],
        optional_fields: ['first_name', 'last_name', ...SETTING_KEYS],
        example_request: {
          setup_secret: '7KQ4-M2XD-9RTW-H3NB',
          email: 'therapist@practice.example',
          password: 'a long passphrase',
          password2: 'a long passphrase',
          practice_timezone: 'Europe/Berlin',
        },
      },
      methods: {
        GET: operation({
          access: 'local',
          summary: 'Whether the practice still needs its first staff account',
          handler: async ({ request }) => {
            requireLoopbackHost(request);
            const needsSetup = await setup.needsSetup();
            const state: Api.SetupState = {
              needs_setup: needsSetup,
              settings: needsSetup ? presentSettings(await core.settings.all(), lanUrls(), core.config.tls !== null) : null,
            };
            return { body: state };
          },
        }),
        POST: operation({
          access: 'local',
          summary: 'Create the first staff account and the practice settings',
          body: setupRequest,
          status: 201,
          handler: async ({ body, request }) => {
            requireLoopbackHost(request);
            if (body.password !== body.password2) throw ValidationError.field('password', "Password fields didn't match.");
            const settings = settingChanges(body);
            const user = await setup.complete(
              { email: body.email, password: body.password, first_name: body.first_name, last_name: body.last_name, settings },
              body.setup_secret,
            );
            return {
              status: 201,
              body: { message: 'The practice is set up. Sign in with your email and password.', user: presentUser(user) },
            };
          },
        }),
      },
    },
  ];
}
