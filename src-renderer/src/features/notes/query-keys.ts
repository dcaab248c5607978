// Query keys of session notes: one note per session (its header also shows on the client's record).
export const noteKeys = {
  all: ['notes'] as const,
  note: (appointmentId: string) => [...noteKeys.all, appointmentId] as const,
};
