import { readFileSync } from 'node:fs';

export interface LoggedAnswer {
  method: string;
  url: string;
  status: number;
  ms: number;
}

/**
 * Every answer the API logged (pino-http writes one JSON line per request with its status and response
 * time): the answer times the channels saw, which the sandbox keeps no record of.
 */
export function readLoggedAnswers(logFile: string): LoggedAnswer[] {
  const answers: LoggedAnswer[] = [];
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { req?: { method?: string; url?: string }; res?: { statusCode?: number }; responseTime?: number };
      if (entry.req?.url === undefined || entry.res?.statusCode === undefined || entry.responseTime === undefined) continue;
      answers.push({ method: entry.req.method ?? '', url: entry.req.url, status: entry.res.statusCode, ms: entry.responseTime });
    } catch {
      // Not a request line (the process's own messages): skip.
    }
  }
  return answers;
}
