import { createHash } from 'node:crypto';
import { DataTypes, Sequelize } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL);

export const User = sequelize.define('User', {
  name: DataTypes.STRING,
  email: DataTypes.STRING,
  passwordHash: DataTypes.STRING,
  isAdmin: DataTypes.BOOLEAN,
});

export async function findByEmail(email) {
  // Raw query with the value inserted into the text.
  return sequelize.query(`SELECT * FROM "Users" WHERE email = '${email}'`, { type: 'SELECT' });
}

export function hashPassword(password) {
  // A fast, unsalted hash: a leaked table is cracked in minutes.
  return createHash('sha256').update(password).digest('hex');
}
