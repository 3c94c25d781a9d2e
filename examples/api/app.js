import express from 'express';
import session from 'express-session';
import { router as auth } from './auth.js';
import { router as users } from './users.js';

const app = express();
app.use(express.json());
// The session secret is in the source code.
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));
app.use('/auth', auth);
app.use('/users', users);

// Every failure, database errors included, is sent to the client with its stack trace.
app.use((err, req, res, next) => {
  res.status(500).json({ error: err.message, stack: err.stack });
});

app.listen(3000);
