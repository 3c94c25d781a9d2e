import express from 'express';
import { router as auth } from './auth.js';
import { router as users } from './users.js';

const app = express();
app.use(express.json());
app.use('/auth', auth);
app.use('/users', users);

app.listen(3000);
