/** The times people read, in Shanghai: the rules live in @shared/plain/time, where the gateway uses them too. */
export * from '@shared/plain/time';
