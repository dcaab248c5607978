// The API root's descriptive sections, worded as the seed has them wherever that is true of this server.
export const API_MESSAGE = { message: 'Therapy Appointment API', version: '1.0.0' };

export const PROJECT_STRUCTURE = {
  admin: '/admin/ - Therapist view of the practice app (requests, schedule, availability, users, stats)',
  authentication: '/api/auth/ - User authentication and management',
  appointments: '/api/meetings/ - Appointment booking system',
  administration: '/api/admin/ - Practice settings and mail outbox (Staff only)',
  schema: '/api/schema/ - OpenAPI 3.1 description of this API',
};

export const SECTIONS = {
  authentication: { description: 'User authentication and management endpoints', base_path: '/api/auth/' },
  appointments: { description: 'Appointment request and management system with Jitsi video meetings', base_path: '/api/meetings/' },
  administration: { description: 'Practice administration: settings, mail outbox and first-run setup', base_path: '/api/' },
  meta: { description: 'This API root and the OpenAPI schema of the whole surface', base_path: '/api/' },
} as const;

export const JITSI_INTEGRATION = {
  description: 'Automatic Jitsi video meeting integration',
  features: [
    'Automatic meeting room generation when appointment is scheduled',
    'Unique room IDs for each therapy session',
    'No setup required for clients - just click and join',
    'Meeting availability based on scheduled time',
    'Secure, encrypted video sessions',
  ],
  meeting_lifecycle: {
    pending: 'No Jitsi meeting created',
    scheduled: 'Jitsi meeting automatically generated with unique URL',
    active: 'Meeting can be joined 10 minutes before scheduled time',
    completed: 'Meeting ends 15 minutes after scheduled duration',
  },
  join_conditions: [
    "Appointment must be in 'scheduled' status",
    'Current time must be within 10 minutes before to 15 minutes after scheduled end',
    'Both client and therapist can join using the same URL',
  ],
};

export const DESCRIPTIVE_SECTIONS = {
  appointment_workflows: {
    client_booking_flow: [
      '1. GET /api/meetings/appointments/available-dates/ - Check available dates',
      '2. POST /api/meetings/appointments/create/ - Submit appointment request',
      '3. GET /api/meetings/user/appointments/ - Track request status',
      '4. Receive email notification when scheduled/rejected',
    ],
    admin_management_flow: [
      '1. PUT /api/meetings/admin/availability/ - Set weekly availability',
      '2. GET /api/meetings/appointments/ - Review pending requests',
      '3. POST /api/meetings/appointments/{id}/schedule/ - Schedule appointment OR',
      '4. POST /api/meetings/appointments/{id}/reject/ - Reject with reason',
      '5. GET /api/meetings/appointments/stats/ - Monitor performance',
    ],
    status_lifecycle: ['pending_review → scheduled (with datetime)', 'pending_review → rejected (with optional reason)'],
  },
  authentication_flows: {
    registration_flow: [
      '1. POST /api/auth/register/ - Register user and send OTP',
      '2. POST /api/auth/verify-otp/ - Verify email with OTP',
      '3. POST /api/auth/login/ - Login with credentials',
    ],
    password_reset_flow: [
      '1. POST /api/auth/forgot-password/ - Request password reset OTP',
      '2. POST /api/auth/verify-password-reset-otp/ - Verify OTP',
      '3. POST /api/auth/reset-password/ - Set new password',
    ],
  },
  quick_start: {
    for_users: [
      '1. Register: POST /api/auth/register/',
      '2. Verify email: POST /api/auth/verify-otp/',
      '3. Login: POST /api/auth/login/',
      '4. Check availability: GET /api/meetings/appointments/available-dates/',
      '5. Book appointment: POST /api/meetings/appointments/create/',
    ],
    for_admins: [
      '1. Sign in to the therapist view: /admin/',
      '2. Set availability: PUT /api/meetings/admin/availability/',
      '3. Manage appointments: GET /api/meetings/appointments/',
      '4. Schedule/Reject: Use specific appointment endpoints',
    ],
  },
  data_specifications: {
    appointment: {
      status_choices: [
        'pending_review - Initial state, awaiting admin action',
        'scheduled - Approved with specific date/time',
        'rejected - Not accepted, with optional reason',
      ],
      time_slot_choices: ['morning - 9AM to 12PM', 'afternoon - 1PM to 5PM', 'evening - 6PM to 9PM'],
      preferred_dates_format: 'YYYY-MM-DD (array of strings)',
      encrypted_fields: ['first_name', 'last_name', 'email', 'phone', 'reason', 'rejection_reason'],
    },
    availability: { day_format: '0=Monday, 1=Tuesday, ..., 6=Sunday', example: '[0, 1, 2, 3, 4] for Monday-Friday' },
  },
  authentication_notes: {
    token_usage: 'Include JWT token in Authorization header: Bearer <token>',
    token_refresh: 'Use refresh token to get new access token when expired',
    permissions: {
      public_endpoints: 'No authentication required',
      user_endpoints: 'Valid JWT token required',
      admin_endpoints: 'Staff user with valid JWT token required',
    },
  },
};
