// `/api/setup/`: first-run setup of the practice, answered only on the practice computer itself.
//
// Request/response shapes (for the setup screen):
//
//   GET  /api/setup/
//     200 { needs_setup: true,
//           settings: { practice_timezone | jitsi_domain | smtp_url | email_from:
//                       { value: string | null, source: 'environment' | 'database' | 'default', editable: boolean } } }
//     200 { needs_setup: false, settings: null }            once a staff account exists
//
//   POST /api/setup/
//     { email, password, password2, first_name?, last_name?,
//       practice_timezone?, jitsi_domain?, smtp_url?, email_from? }     (settings: string, or null/'' for the default;
//                                                                       a setting with editable=false must be left out)
//     201 { message, user }          the therapist's staff account (the contract's user object); sign in next
//                                    with POST /api/auth/login/ and the same email and password
//     400 { field: [messages] }      weak password (create-admin's rules), bad email, password2 mismatch (on
//                                    `password`), bad setting value; nothing is created
//     409 { detail, code: 'already_set_up' }   a staff account exists
//
//   Both methods: 403 { detail } from any other machine, through a proxy or tunnel (any X-Forwarded-* header),
//   or when the Host header is not a loopback name (a web page using DNS rebinding cannot claim the practice).
