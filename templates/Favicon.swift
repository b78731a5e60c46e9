/// `favicon.svg`: three rising bars, the portal's journey, on its brand colour.
enum Favicon {
    static let svg = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">\
    <rect width="16" height="16" rx="3" fill="#1d3f5e"/>\
    <path fill="#fff" d="M2.5 10h3v3.5h-3zM6.5 6.5h3v7h-3zM10.5 2.5h3v11h-3z"/></svg>

    """
}
