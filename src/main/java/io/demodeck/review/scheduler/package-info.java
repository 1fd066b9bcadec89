/**
 * FSRS-6 spaced-repetition scheduler in plain Java (no framework imports): {@link
 * io.demodeck.review.scheduler.Scheduler} is immutable and thread-safe, built from {@link
 * io.demodeck.review.scheduler.SchedulerSettings}.
 *
 * <p>Choices between the reference libraries ({@code docs/FSRS-SPEC.md} §3.10-3.11), each pinned by a test:
 * <ul>
 *   <li>Memory model: fsrs-rs {@code step()} in double, same-day stability increase floored at 1 for
 *       Hard, Good and Easy (fsrs-rs #376, ts-fsrs #266, py-fsrs 6.3.2); S0 floor 0.001.</li>
 *   <li>Elapsed days: study days in the learner's zone with a rollover hour (Anki); UTC + rollover 0
 *       gives the ts-fsrs calendar-day rule the vectors use. Wall-clock rule across DST changes.</li>
 *   <li>Steps (Anki/py-fsrs): Hard at step 0 = mean of the first two steps (1.5x a single step,
 *       capped at +1 day), exact to the second (5.5 min, not ts-fsrs' rounded 6); Hard at a later
 *       step repeats it (ts-fsrs would use the step-0 rule); Again at a step index past a shortened
 *       list restarts at step 0 (ts-fsrs graduates). No relearning steps: a lapse stays in Review.</li>
 *   <li>Ordering (Anki): every answer that schedules days is at least one day above the next lower
 *       one, so Again &lt; Hard &lt; Good &lt; Easy whenever they schedule days (below the maximum
 *       interval). ts-fsrs orders only in the Review state; Anki also orders Good and Easy when both
 *       leave the learning steps, and so does DemoDeck.</li>
 *   <li>Rounding: {@code Math.round} (half up) as ts-fsrs and fsrs-rs.</li>
 *   <li>Fuzz: Anki's bounds (delta bands 15%/10%/5%, lower bound raised to elapsed+1, collapsed
 *       ranges widened) and floor draw, seeded by SplitMix64 of card id and review count, one draw per
 *       answer shared by the four buttons, so a preview equals the applied answer.</li>
 *   <li>Parameters: out-of-range values are rejected with the index, value and range (py-fsrs);
 *       19-number vectors get w19=0, w20=0.5; 17-number vectors are converted as fsrs-rs does. With
 *       several relearning steps w17/w18 have fsrs-rs' lower ceiling: the defaults are lowered, a
 *       learner's own vector above it is refused when saved, and the scheduler clamps in any case.</li>
 *   <li>{@code shortTerm = false} reproduces the ts-fsrs long-term mode (no steps, no same-day
 *       formula, no w17·w18 cap on lapses); it exists for the reference vectors, the app uses short-term.</li>
 * </ul>
 */
package io.demodeck.review.scheduler;
