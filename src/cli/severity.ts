/**
 * `security-severity` scores (0.0–10.0, as code-scanning services rank them: ≥ 9 critical, ≥ 7
 * high, ≥ 4 medium, else low) by CWE. Derived from the weakness class: injection and authentication
 * bypasses score high, configuration hardening medium, information exposure low to medium.
 */
const BY_CWE: Readonly<Record<string, number>> = {
  'CWE-22': 7.5,
  'CWE-78': 9.8,
  'CWE-79': 6.1,
  'CWE-89': 9.8,
  'CWE-94': 9.8,
  'CWE-200': 5.3,
  'CWE-208': 5.9,
  'CWE-209': 4.3,
  'CWE-213': 5.3,
  'CWE-295': 7.4,
  'CWE-307': 7.5,
  'CWE-327': 7.5,
  'CWE-338': 7.5,
  'CWE-345': 8.1,
  'CWE-347': 9.1,
  'CWE-348': 6.5,
  'CWE-434': 8.8,
  'CWE-502': 9.8,
  'CWE-532': 5.5,
  'CWE-601': 6.1,
  'CWE-613': 5.4,
  'CWE-614': 4.3,
  'CWE-639': 8.1,
  'CWE-693': 4.3,
  'CWE-770': 5.3,
  'CWE-798': 7.5,
  'CWE-915': 8.1,
  'CWE-916': 7.5,
  'CWE-918': 8.6,
  'CWE-922': 5.5,
  'CWE-942': 5.3,
  'CWE-943': 8.6,
};

/** The score for a CWE id; 5.0 (medium) for a CWE the table does not list. */
export function securitySeverity(cwe: string | undefined): number {
  return (cwe && BY_CWE[cwe]) || 5.0;
}

export type SeverityBand = 'critical' | 'high' | 'medium' | 'low';

export function severityBand(score: number): SeverityBand {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}
