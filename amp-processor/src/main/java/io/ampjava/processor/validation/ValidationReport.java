package io.ampjava.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * What checking one element found (after Dagger's {@code ValidationReport}): its errors, each on the
 * element the user must change, the reports of the elements it is made of, and, when all of them are
 * clean, the model to generate from. Validators return reports instead of printing, so that a report
 * can be kept per type, read by whoever needs the model, and printed once by the step that owns the
 * element.
 *
 * @param <T> the model
 */
public final class ValidationReport<T> {
    /**
     * One error: on {@code element}, and when given on one of its annotations, or on one value of it,
     * so that the compiler points at the right place.
     */
    public record Item(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {}

    private final Element subject;
    private final List<Item> items;
    private final List<ValidationReport<?>> subreports;
    private final T model;

    private ValidationReport(Element subject, List<Item> items, List<ValidationReport<?>> subreports, T model) {
        this.subject = subject;
        this.items = List.copyOf(items);
        this.subreports = List.copyOf(subreports);
        this.model = model;
    }

    /** Starts the report on {@code subject}. */
    public static <T> Builder<T> about(Element subject) {
        return new Builder<>(subject);
    }

    /** The element checked. */
    public Element subject() {
        return subject;
    }

    /** Whether neither this element nor any it is made of has an error. */
    public boolean isClean() {
        return model != null;
    }

    /** The model, when the report is clean. */
    public Optional<T> model() {
        return Optional.ofNullable(model);
    }

    /** Every error, this report's first, then its subreports' in the order they were added. */
    public List<Item> allItems() {
        List<Item> all = new ArrayList<>(items);
        for (ValidationReport<?> subreport : subreports) {
            all.addAll(subreport.allItems());
        }
        return all;
    }

    @Override
    public String toString() {
        return "ValidationReport[" + subject + ", " + allItems().size() + " errors]";
    }

    /** Collects the errors of one element. */
    public static final class Builder<T> {
        private final Element subject;
        private final List<Item> items = new ArrayList<>();
        private final List<ValidationReport<?>> subreports = new ArrayList<>();
        private boolean clean = true;

        private Builder(Element subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
        }

        public Builder<T> error(Element element, String message) {
            return error(element, null, null, message);
        }

        /** An error on one annotation of {@code element}. */
        public Builder<T> error(Element element, AnnotationMirror annotation, String message) {
            return error(element, annotation, null, message);
        }

        /** An error on one value of one annotation of {@code element}. */
        public Builder<T> error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
            items.add(new Item(element, annotation, value, message));
            clean = false;
            return this;
        }

        /** Adds the report of an element this one is made of; its model, or null when it is not clean. */
        public <S> S add(ValidationReport<S> subreport) {
            subreports.add(subreport);
            clean &= subreport.isClean();
            return subreport.model;
        }

        /** Whether nothing wrong was found so far. */
        public boolean isClean() {
            return clean;
        }

        /**
         * The report, with {@code model} when clean.
         *
         * @param model what was built; ignored (and may be null) when the report is not clean
         */
        public ValidationReport<T> build(T model) {
            if (clean) {
                Objects.requireNonNull(model, "a clean report needs its model");
            }
            return new ValidationReport<>(subject, items, subreports, clean ? model : null);
        }

        /** The report of an element found invalid. */
        public ValidationReport<T> invalid() {
            if (clean) {
                throw new IllegalStateException("no error was reported on " + subject);
            }
            return build(null);
        }
    }
}
