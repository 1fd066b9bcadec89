-- The class dashboard of a large class, stored (io.demodeck.classes.ClassDashboard): computing it reads every review
-- of the class, so a class whose last computation took longer than demodeck.classes.dashboard-live-below is served
-- from here and recomputed in the background. One row per class and page language (question labels and wrong-option
-- texts are in that language). The class itself and its decks are read live on every request.
create table class_dashboard_snapshot (
    class_id    bigint      not null references study_class (id) on delete cascade,
    lang        varchar(8)  not null,
    data        jsonb       not null,
    computed_at timestamptz not null,
    compute_ms  integer     not null check (compute_ms >= 0),
    primary key (class_id, lang)
);
