package io.demodeck.demo;

import java.util.Arrays;
import java.util.Optional;

/** The demos that back answers: stable ids (used in the question bank) and titles in both languages. */
public enum DemoCatalog {
    CREATION_COST("creation-cost", "Стоимость создания: виртуальные потоки, потоки ОС, процессы",
            "Creation cost: virtual threads, OS threads, processes"),
    OS_THREADS("os-threads", "Сколько потоков ОС на самом деле существует",
            "How many OS threads really exist"),
    FOOTPRINT("footprint", "Память на спящий виртуальный и платформенный поток",
            "Memory per sleeping virtual vs platform thread"),
    ISOLATION("isolation", "Изоляция: поток видит память родителя, процесс — нет",
            "Isolation: a thread shares the parent's memory, a process does not"),
    DATA_RACE("data-race", "Гонка данных: потерянные инкременты",
            "Data race: lost increments"),
    CHANNELS("channels", "Каналы: небуферизованный и буферизованный",
            "Channels: unbuffered and buffered"),
    CARRIERS("carriers", "Много виртуальных потоков на одном потоке-носителе",
            "Many virtual threads on one carrier thread"),
    BLOCKING("blocking", "Блокировка освобождает носитель, нативный кадр его закрепляет",
            "Blocking unmounts; a native frame pins"),
    THREAD_ANATOMY("thread-anatomy", "Анатомия потока: общий PID и куча, свои TID и стек",
            "Thread anatomy: shared PID and heap, own TID and stack");

    private final String id;
    private final String titleRu;
    private final String titleEn;

    DemoCatalog(String id, String titleRu, String titleEn) {
        this.id = id;
        this.titleRu = titleRu;
        this.titleEn = titleEn;
    }

    public String id() {
        return id;
    }

    public String title(String lang) {
        return "ru".equals(lang) ? titleRu : titleEn;
    }

    public static Optional<DemoCatalog> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }
}
