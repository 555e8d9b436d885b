package types;

public enum Color {
    RED,
    GREEN
}
