import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-sql-injection.js';

const ruleTester = new RuleTester();

ruleTester.run('no-sql-injection', rule, {
  valid: [
    `import { Pool } from 'pg'; const pool = new Pool(); pool.query('SELECT 1');`,
  ],
  invalid: [
    {
      code: "import { Pool } from 'pg'; const pool = new Pool(); pool.query(`SELECT * FROM t WHERE id = '${id}'`);",
      output: "import { Pool } from 'pg'; const pool = new Pool(); pool.query(`SELECT * FROM t WHERE id = $1`, [String(id)]);",
      errors: [{ messageId: 'dynamicSql' }],
    },
  ],
});
